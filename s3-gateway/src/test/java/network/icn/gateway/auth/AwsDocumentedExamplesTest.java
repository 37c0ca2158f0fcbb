package network.icn.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The examples of the Amazon S3 API reference, re-typed: "Signature Calculations for the
 * Authorization Header: Transferring Payload in a Single Chunk" (GET Object, PUT Object, GET Bucket
 * Lifecycle, GET Bucket), "Authenticating Requests: Using Query Parameters" (presigned GET) and
 * "Transferring Payload in Multiple Chunks" (the 65 KiB chunked PUT). Each checks our canonical
 * request text, its hash (the last line of the published string to sign) and the signature, then
 * runs the request through the verifier.
 */
class AwsDocumentedExamplesTest {
  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String HOST = "examplebucket.s3.amazonaws.com";
  static final String AMZ_DATE = "20130524T000000Z";
  static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
  static final String EMPTY = Hashing.EMPTY_SHA256;
  static final CredentialScope EXAMPLE_SCOPE =
      new CredentialScope(LocalDate.of(2013, 5, 24), "us-east-1", "s3");
  static final Clock AT_EXAMPLE_TIME =
      Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

  private final SigV4Verifier verifier =
      SigV4Verifier.forS3(
          AT_EXAMPLE_TIME,
          id -> id.equals(ACCESS_KEY) ? Optional.of(SECRET) : Optional.empty(),
          "us-east-1");

  static String authorization(String signedHeaders, String signature) {
    return "AWS4-HMAC-SHA256 Credential="
        + ACCESS_KEY
        + "/"
        + SCOPE
        + ",SignedHeaders="
        + signedHeaders
        + ",Signature="
        + signature;
  }

  /** Checks canonical request, its published hash and the signature, then verifies the request. */
  private static void check(
      SignableRequest unsigned,
      String signedHeaders,
      String payloadHash,
      boolean presigned,
      String expectedCanonical,
      String expectedCanonicalHash,
      String expectedSignature) {
    String canonical =
        Canonicalizer.canonicalRequest(
            unsigned, List.of(signedHeaders.split(";")), payloadHash, presigned);
    assertEquals(expectedCanonical, canonical);
    assertEquals(expectedCanonicalHash, Hashing.sha256Hex(canonical));
    String stringToSign = Hashing.stringToSign(AMZ_DATE, EXAMPLE_SCOPE, canonical);
    assertEquals(
        "AWS4-HMAC-SHA256\n" + AMZ_DATE + "\n" + SCOPE + "\n" + expectedCanonicalHash,
        stringToSign);
    byte[] key = Hashing.signingKey(SECRET, EXAMPLE_SCOPE);
    assertEquals(expectedSignature, Hashing.signature(key, stringToSign));
  }

  @Test
  void aRememberedSigningKeyIsTheDerivedOneAndAnotherSecretOrScopeGetsItsOwn() {
    byte[] derived = Hashing.deriveSigningKey(SECRET, EXAMPLE_SCOPE);
    assertArrayEquals(derived, Hashing.signingKey(SECRET, EXAMPLE_SCOPE));
    assertArrayEquals(derived, Hashing.signingKey(SECRET, EXAMPLE_SCOPE)); // from the cache
    assertFalse(Arrays.equals(derived, Hashing.signingKey(SECRET + "x", EXAMPLE_SCOPE)));
    CredentialScope nextDay =
        new CredentialScope(
            LocalDate.of(2013, 5, 25), EXAMPLE_SCOPE.region(), EXAMPLE_SCOPE.service());
    assertArrayEquals(
        Hashing.deriveSigningKey(SECRET, nextDay), Hashing.signingKey(SECRET, nextDay));
    assertFalse(Arrays.equals(derived, Hashing.signingKey(SECRET, nextDay)));
  }

  @Test
  void getObjectWithRangeMatchesThePublishedSignature() {
    RequestHeaders.Builder headers =
        RequestHeaders.builder()
            .add("Host", HOST)
            .add("Range", "bytes=0-9")
            .add("x-amz-content-sha256", EMPTY)
            .add("x-amz-date", AMZ_DATE);
    SignableRequest request = new SignableRequest("GET", "/test.txt", "", headers.build());
    check(
        request,
        "host;range;x-amz-content-sha256;x-amz-date",
        EMPTY,
        false,
        """
        GET
        /test.txt

        host:examplebucket.s3.amazonaws.com
        range:bytes=0-9
        x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-amz-date:20130524T000000Z

        host;range;x-amz-content-sha256;x-amz-date
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""",
        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    headers.add(
        "Authorization",
        authorization(
            "host;range;x-amz-content-sha256;x-amz-date",
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    AuthenticatedRequest ok =
        verifier.verify(new SignableRequest("GET", "/test.txt", "", headers.build()));
    assertEquals(ACCESS_KEY, ok.accessKeyId());
    assertEquals(PayloadMode.SHA256, ok.payloadMode());
    assertArrayEquals(new byte[0], Bodies.decode(ok, new byte[0], 1));
  }

  @Test
  void putObjectMatchesThePublishedSignatureAndItsBodyHash() {
    byte[] body = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
    String bodyHash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
    assertEquals(bodyHash, Hashing.hex(Hashing.sha256().digest(body)));
    RequestHeaders.Builder headers =
        RequestHeaders.builder()
            .add("Host", HOST)
            .add("Date", "Fri, 24 May 2013 00:00:00 GMT")
            .add("x-amz-date", AMZ_DATE)
            .add("x-amz-storage-class", "REDUCED_REDUNDANCY")
            .add("x-amz-content-sha256", bodyHash);
    // The example's key is test$file.text; a client may send the '$' raw or encoded.
    SignableRequest request = new SignableRequest("PUT", "/test$file.text", "", headers.build());
    String signedHeaders = "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class";
    String signature = "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd";
    check(
        request,
        signedHeaders,
        bodyHash,
        false,
        """
        PUT
        /test%24file.text

        date:Fri, 24 May 2013 00:00:00 GMT
        host:examplebucket.s3.amazonaws.com
        x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
        x-amz-date:20130524T000000Z
        x-amz-storage-class:REDUCED_REDUNDANCY

        date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class
        44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072""",
        "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d",
        signature);
    headers.add("Authorization", authorization(signedHeaders, signature));
    for (String path : List.of("/test$file.text", "/test%24file.text")) {
      AuthenticatedRequest ok =
          verifier.verify(new SignableRequest("PUT", path, "", headers.build()));
      assertArrayEquals(body, Bodies.decode(ok, body, 5));
    }
  }

  @Test
  void getBucketLifecycleSignsTheValuelessParameterWithAnEqualsSign() {
    RequestHeaders.Builder headers =
        RequestHeaders.builder()
            .add("Host", HOST)
            .add("x-amz-date", AMZ_DATE)
            .add("x-amz-content-sha256", EMPTY);
    SignableRequest request = new SignableRequest("GET", "/", "lifecycle", headers.build());
    String signature = "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543";
    check(
        request,
        "host;x-amz-content-sha256;x-amz-date",
        EMPTY,
        false,
        """
        GET
        /
        lifecycle=
        host:examplebucket.s3.amazonaws.com
        x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-amz-date:20130524T000000Z

        host;x-amz-content-sha256;x-amz-date
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""",
        "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca",
        signature);
    headers.add("Authorization", authorization("host;x-amz-content-sha256;x-amz-date", signature));
    verifier.verify(new SignableRequest("GET", "/", "lifecycle", headers.build()));
  }

  @Test
  void getBucketListObjectsSortsTheQueryParameters() {
    RequestHeaders.Builder headers =
        RequestHeaders.builder()
            .add("Host", HOST)
            .add("x-amz-date", AMZ_DATE)
            .add("x-amz-content-sha256", EMPTY);
    SignableRequest request =
        new SignableRequest("GET", "/", "prefix=J&max-keys=2", headers.build());
    String signature = "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7";
    check(
        request,
        "host;x-amz-content-sha256;x-amz-date",
        EMPTY,
        false,
        """
        GET
        /
        max-keys=2&prefix=J
        host:examplebucket.s3.amazonaws.com
        x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-amz-date:20130524T000000Z

        host;x-amz-content-sha256;x-amz-date
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""",
        "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7",
        signature);
    headers.add("Authorization", authorization("host;x-amz-content-sha256;x-amz-date", signature));
    verifier.verify(new SignableRequest("GET", "/", "prefix=J&max-keys=2", headers.build()));
  }

  static final String PRESIGNED_QUERY =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256"
          + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
          + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
          + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

  @Test
  void presignedGetMatchesThePublishedSignature() {
    SignableRequest request =
        new SignableRequest("GET", "/test.txt", PRESIGNED_QUERY, RequestHeaders.of("Host", HOST));
    check(
        request,
        "host",
        "UNSIGNED-PAYLOAD",
        true,
        """
        GET
        /test.txt
        X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host
        host:examplebucket.s3.amazonaws.com

        host
        UNSIGNED-PAYLOAD""",
        "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04",
        "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    AuthenticatedRequest ok = verifier.verify(request);
    assertEquals(PayloadMode.UNSIGNED, ok.payloadMode());
  }

  static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  static final String CHUNK1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
  static final String CHUNK2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
  static final String CHUNK3 = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

  static RequestHeaders.Builder chunkedHeaders() {
    return RequestHeaders.builder()
        .add("Host", "s3.amazonaws.com")
        .add("x-amz-date", AMZ_DATE)
        .add("x-amz-storage-class", "REDUCED_REDUNDANCY")
        .add("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
        .add("Content-Encoding", "aws-chunked")
        .add("x-amz-decoded-content-length", "66560")
        .add("Content-Length", "66824");
  }

  static final String CHUNKED_SIGNED_HEADERS =
      "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
          + "x-amz-decoded-content-length;x-amz-storage-class";

  /** The example body: 64 KiB of 'a', 1 KiB of 'a', the final empty chunk. */
  static byte[] chunkedBody() {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(("10000;chunk-signature=" + CHUNK1 + "\r\n").getBytes(StandardCharsets.UTF_8));
    wire.writeBytes(Bodies.repeat('a', 65536));
    wire.writeBytes(
        ("\r\n400;chunk-signature=" + CHUNK2 + "\r\n").getBytes(StandardCharsets.UTF_8));
    wire.writeBytes(Bodies.repeat('a', 1024));
    wire.writeBytes(
        ("\r\n0;chunk-signature=" + CHUNK3 + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    return wire.toByteArray();
  }

  static SignableRequest chunkedRequest() {
    return new SignableRequest(
        "PUT",
        "/examplebucket/chunkObject.txt",
        "",
        chunkedHeaders().add("Authorization", authorization(CHUNKED_SIGNED_HEADERS, SEED)).build());
  }

  @Test
  void chunkedUploadSeedSignatureMatchesThePublishedOne() {
    SignableRequest request =
        new SignableRequest("PUT", "/examplebucket/chunkObject.txt", "", chunkedHeaders().build());
    check(
        request,
        CHUNKED_SIGNED_HEADERS,
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        false,
        """
        PUT
        /examplebucket/chunkObject.txt

        content-encoding:aws-chunked
        content-length:66824
        host:s3.amazonaws.com
        x-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD
        x-amz-date:20130524T000000Z
        x-amz-decoded-content-length:66560
        x-amz-storage-class:REDUCED_REDUNDANCY

        content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;\
        x-amz-decoded-content-length;x-amz-storage-class
        STREAMING-AWS4-HMAC-SHA256-PAYLOAD""",
        "cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455",
        SEED);
  }

  @Test
  void chunkStringToSignChainsFromTheSeedSignature() {
    SignatureChain chain =
        new SignatureChain(
            Hashing.signingKey(SECRET, EXAMPLE_SCOPE), AMZ_DATE, EXAMPLE_SCOPE, SEED);
    byte[] chunkHash = Hashing.sha256().digest(Bodies.repeat('a', 65536));
    assertEquals(
        """
        AWS4-HMAC-SHA256-PAYLOAD
        20130524T000000Z
        20130524/us-east-1/s3/aws4_request
        4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a""",
        chain.chunkStringToSign(chunkHash));
    chain.verifyChunk(chunkHash, CHUNK1);
    chain.verifyChunk(Hashing.sha256().digest(Bodies.repeat('a', 1024)), CHUNK2);
    chain.verifyChunk(Hashing.sha256().digest(new byte[0]), CHUNK3);
  }

  @Test
  void chunkedUploadDecodesToTheObjectBytesOnly() {
    byte[] wire = chunkedBody();
    assertEquals(66824, wire.length);
    AuthenticatedRequest ok = verifier.verify(chunkedRequest());
    assertEquals(PayloadMode.STREAMING_SIGNED, ok.payloadMode());
    assertEquals(66560, ok.objectLength().orElseThrow());
    assertArrayEquals(Bodies.repeat('a', 66560), Bodies.decode(ok, wire, 8192));
  }

  @Test
  void chunkedUploadDecodesWhenFedOneByteAtATime() {
    AuthenticatedRequest ok = verifier.verify(chunkedRequest());
    assertArrayEquals(Bodies.repeat('a', 66560), Bodies.decode(ok, chunkedBody(), 1));
  }
}
