package network.icn.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Requests signed by aws-sdk-java-v2 2.56's {@code AwsV4HttpSigner}, in every payload mode, must
 * verify; one flipped byte anywhere in the signed parts must not.
 */
class SdkInteropTest {
  static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final SdkSigner sdk = new SdkSigner(CLOCK);
  private final SigV4Verifier verifier =
      SigV4Verifier.forS3(
          CLOCK,
          id -> id.equals(SdkSigner.ACCESS_KEY) ? Optional.of(SdkSigner.SECRET) : Optional.empty(),
          "us-east-1",
          "eu-central-1");

  static byte[] randomBytes(int n, long seed) {
    byte[] out = new byte[n];
    new Random(seed).nextBytes(out);
    return out;
  }

  static final byte[] SMALL = "hello, gateway: aws-chunked body".getBytes(StandardCharsets.UTF_8);
  // Three SDK chunks (128 KiB, 128 KiB, rest) and the final one.
  static final byte[] LARGE = randomBytes(300_000, 42);

  private SdkSigner.Signed put(byte[] body, SdkSigner.Options options) {
    return sdk.sign(SdkSigner.objectRequest(SdkHttpMethod.PUT, "dir/obj ject.bin"), body, options);
  }

  private byte[] verifyAndDecode(SdkSigner.Signed signed, int sliceSize) {
    return Bodies.decode(verifier.verify(signed.request()), signed.wire(), sliceSize);
  }

  @Test
  void headerAuthWithUnsignedPayloadIsAccepted() {
    SdkSigner.Signed signed = put(LARGE, SdkSigner.Options.unsignedPayload());
    assertEquals(
        "UNSIGNED-PAYLOAD", signed.request().headers().first("x-amz-content-sha256").orElseThrow());
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertEquals(PayloadMode.UNSIGNED, ok.payloadMode());
    assertEquals(SdkSigner.ACCESS_KEY, ok.accessKeyId());
    assertArrayEquals(LARGE, Bodies.decode(ok, signed.wire(), 4096));
  }

  @Test
  void headerAuthWithLiteralSha256IsAcceptedAndChecksTheBody() {
    SdkSigner.Signed signed = put(LARGE, SdkSigner.Options.signedPayload());
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertEquals(PayloadMode.SHA256, ok.payloadMode());
    assertArrayEquals(LARGE, Bodies.decode(ok, signed.wire(), 10_000));

    byte[] tampered = signed.wire().clone();
    tampered[12_345] ^= 1;
    AuthException e = assertThrows(AuthException.class, () -> Bodies.decode(ok, tampered, 10_000));
    assertEquals(AuthError.X_AMZ_CONTENT_SHA256_MISMATCH, e.error());
  }

  @Test
  void presignedGetIsAccepted() {
    SdkSigner.Signed signed =
        sdk.sign(
            SdkSigner.objectRequest(SdkHttpMethod.GET, "photos/été 2026.jpg")
                .putRawQueryParameter("response-content-type", "image/jpeg"),
            null,
            SdkSigner.Options.presign(Duration.ofHours(1)));
    assertTrue(signed.request().rawQuery().contains("X-Amz-Signature="));
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertEquals(PayloadMode.UNSIGNED, ok.payloadMode());
    assertTrue(ok.signature().location() instanceof SignatureRequest.Query);
  }

  @Test
  void chunkedSignedUploadIsAcceptedAtEverySliceSize() {
    SdkSigner.Signed signed = put(LARGE, SdkSigner.Options.chunkedSigned());
    assertEquals(
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        signed.request().headers().first("x-amz-content-sha256").orElseThrow());
    for (int slice : new int[] {1, 7, 8192, 131_072, signed.wire().length}) {
      assertArrayEquals(LARGE, verifyAndDecode(signed, slice), "slice " + slice);
    }
  }

  /**
   * The SDK computes CRC64NVME only through the native aws-crt library, which we do not pull in;
   * {@code S3ChecksumTest} pins our CRC64NVME with the catalogue check value and a bitwise
   * reference instead.
   */
  static Stream<Arguments> checksums() {
    return Stream.of(
        Arguments.of(DefaultChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32),
        Arguments.of(DefaultChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC32C),
        Arguments.of(DefaultChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA1),
        Arguments.of(DefaultChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA256));
  }

  @ParameterizedTest
  @MethodSource("checksums")
  void chunkedSignedUploadWithTrailingChecksumIsAccepted(
      software.amazon.awssdk.checksums.spi.ChecksumAlgorithm sdkAlgorithm,
      ChecksumAlgorithm algorithm) {
    SdkSigner.Signed signed = put(LARGE, SdkSigner.Options.chunkedSigned(sdkAlgorithm));
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, ok.payloadMode());
    Bodies.Collector out = new Bodies.Collector();
    BodyDecoder decoder = ok.openBody(out);
    Bodies.feed(decoder, signed.wire(), 1000);
    decoder.finish();
    assertArrayEquals(LARGE, out.bytes());
    String expected = S3Checksum.base64(algorithm, LARGE);
    assertEquals(Map.of(algorithm.headerName(), expected), decoder.trailers());
    assertEquals(Optional.of(new VerifiedChecksum(algorithm, expected)), decoder.checksum());
  }

  @ParameterizedTest
  @MethodSource("checksums")
  void unsignedPayloadTrailerIsAccepted(
      software.amazon.awssdk.checksums.spi.ChecksumAlgorithm sdkAlgorithm,
      ChecksumAlgorithm algorithm) {
    SdkSigner.Signed signed = put(LARGE, SdkSigner.Options.unsignedTrailer(sdkAlgorithm));
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, ok.payloadMode());
    assertArrayEquals(LARGE, Bodies.decode(ok, signed.wire(), 3333));
  }

  /** Every byte of the wire, flipped in turn (XOR 1, so hex digits never just change case). */
  private void assertEveryFlippedWireByteIsRejected(SdkSigner.Signed signed) {
    AuthenticatedRequest ok = verifier.verify(signed.request());
    assertArrayEquals(SMALL, Bodies.decode(ok, signed.wire(), 1));
    for (int i = 0; i < signed.wire().length; i++) {
      byte[] tampered = signed.wire().clone();
      tampered[i] ^= 1;
      int at = i;
      assertThrows(
          AuthException.class,
          () -> Bodies.decode(ok, tampered, 5),
          () -> "flip at " + at + " of " + new String(signed.wire(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void chunkedSignedBodyRejectsAFlippedByteAnywhere() {
    assertEveryFlippedWireByteIsRejected(put(SMALL, SdkSigner.Options.chunkedSigned()));
  }

  @Test
  void chunkedSignedTrailerBodyRejectsAFlippedByteAnywhere() {
    assertEveryFlippedWireByteIsRejected(
        put(SMALL, SdkSigner.Options.chunkedSigned(DefaultChecksumAlgorithm.CRC32C)));
  }

  @Test
  void unsignedTrailerBodyRejectsAFlippedByteAnywhere() {
    assertEveryFlippedWireByteIsRejected(
        put(SMALL, SdkSigner.Options.unsignedTrailer(DefaultChecksumAlgorithm.CRC32C)));
  }

  @Test
  void tamperedChunkDataChunkSignatureTrailerValueAndTrailerSignatureAreNamed() {
    SdkSigner.Signed signed =
        put(LARGE, SdkSigner.Options.chunkedSigned(DefaultChecksumAlgorithm.CRC32C));
    String wire = new String(signed.wire(), StandardCharsets.ISO_8859_1);
    int chunkSignature = wire.indexOf("chunk-signature=") + "chunk-signature=".length();
    int data = wire.indexOf("\r\n") + 2 + 1000;
    int trailerValue = wire.indexOf("x-amz-checksum-crc32c:") + "x-amz-checksum-crc32c:".length();
    int trailerSignature =
        wire.indexOf("x-amz-trailer-signature:") + "x-amz-trailer-signature:".length() + 10;
    Map<Integer, AuthError> expected =
        Map.of(
            chunkSignature, AuthError.SIGNATURE_DOES_NOT_MATCH,
            data, AuthError.SIGNATURE_DOES_NOT_MATCH,
            trailerValue, AuthError.SIGNATURE_DOES_NOT_MATCH,
            trailerSignature, AuthError.SIGNATURE_DOES_NOT_MATCH);
    AuthenticatedRequest ok = verifier.verify(signed.request());
    expected.forEach(
        (at, error) -> {
          byte[] tampered = signed.wire().clone();
          tampered[at] ^= 1;
          AuthException e =
              assertThrows(AuthException.class, () -> Bodies.decode(ok, tampered, 65_536));
          assertEquals(error, e.error(), "flip at " + at);
        });
  }

  @Test
  void unsignedTrailerWithTamperedDataFailsTheChecksum() {
    SdkSigner.Signed signed =
        put(LARGE, SdkSigner.Options.unsignedTrailer(DefaultChecksumAlgorithm.CRC32));
    byte[] tampered = signed.wire().clone();
    tampered[200_000] ^= 1;
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> Bodies.decode(verifier.verify(signed.request()), tampered, 8192));
    assertEquals(AuthError.BAD_DIGEST, e.error());
  }

  @Test
  void deferredDigestsLeaveTheChecksumToTheCallerButStillRequireTheTrailer() {
    SdkSigner.Signed signed =
        put(LARGE, SdkSigner.Options.unsignedTrailer(DefaultChecksumAlgorithm.CRC32));
    byte[] tampered = signed.wire().clone();
    tampered[200_000] ^= 1;
    AuthenticatedRequest request = verifier.verify(signed.request());
    // Deferred: no CRC32 is computed here, so the tampered byte passes the decoder; the trailer's
    // claimed value is handed on for the object layer, which compares it with its own CRC32.
    Bodies.Collector out = new Bodies.Collector();
    BodyDecoder deferred = request.openBodyDeferringDigests(out);
    Bodies.feed(deferred, tampered, 8192);
    deferred.finish();
    assertEquals(LARGE.length, out.bytes().length);
    assertEquals(
        S3Checksum.base64(ChecksumAlgorithm.CRC32, LARGE),
        deferred.trailers().get("x-amz-checksum-crc32"));
    assertTrue(deferred.checksum().isEmpty(), "nothing was verified here");
    // A trailer that was announced but never sent is still an error in deferred mode.
    String wire = new String(signed.wire(), java.nio.charset.StandardCharsets.ISO_8859_1);
    int trailerAt = wire.indexOf("x-amz-checksum-crc32:");
    byte[] noTrailer =
        (wire.substring(0, trailerAt) + "\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    BodyDecoder missing = request.openBodyDeferringDigests(new Bodies.Collector());
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> {
              Bodies.feed(missing, noTrailer, 8192);
              missing.finish();
            });
    assertEquals(AuthError.INVALID_REQUEST, e.error());
  }

  /** Rebuilds the request with one header value's middle character flipped. */
  private static SignableRequest withFlippedHeader(SignableRequest request, String name, int at) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    request
        .headers()
        .values()
        .forEach(
            (n, values) ->
                values.forEach(
                    v -> {
                      if (n.equals(name)) {
                        char[] chars = v.toCharArray();
                        chars[at] ^= 1;
                        v = new String(chars);
                      }
                      headers.add(n, v);
                    }));
    return new SignableRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers.build());
  }

  @Test
  void aFlippedCharacterInAnySignedHeaderIsRejected() {
    SdkSigner.Signed signed =
        put(LARGE, SdkSigner.Options.chunkedSigned(DefaultChecksumAlgorithm.CRC32C));
    SignableRequest request = signed.request();
    for (String name : request.headers().values().keySet()) {
      String value = request.headers().first(name).orElseThrow();
      int at = name.equals("authorization") ? value.length() - 3 : value.length() / 2;
      SignableRequest tampered = withFlippedHeader(request, name, at);
      assertThrows(AuthException.class, () -> verifier.verify(tampered), name);
    }
  }

  @Test
  void aFlippedCharacterAnywhereInTheAuthorizationHeaderIsRejected() {
    SignableRequest request = put(SMALL, SdkSigner.Options.signedPayload()).request();
    int length = request.headers().first("authorization").orElseThrow().length();
    for (int i = 0; i < length; i++) {
      SignableRequest tampered = withFlippedHeader(request, "authorization", i);
      assertThrows(AuthException.class, () -> verifier.verify(tampered), "at " + i);
    }
  }

  @Test
  void aFlippedCharacterInThePathOrPresignedQueryIsRejected() {
    SignableRequest presigned =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "a/b.txt"),
                null,
                SdkSigner.Options.presign(Duration.ofMinutes(5)))
            .request();
    verifier.verify(presigned);
    for (int i = 1; i < presigned.rawPath().length(); i++) {
      char[] path = presigned.rawPath().toCharArray();
      path[i] ^= 1;
      SignableRequest tampered =
          new SignableRequest("GET", new String(path), presigned.rawQuery(), presigned.headers());
      assertThrows(AuthException.class, () -> verifier.verify(tampered), "path at " + i);
    }
    for (int i = 0; i < presigned.rawQuery().length(); i++) {
      char[] query = presigned.rawQuery().toCharArray();
      query[i] ^= 1;
      SignableRequest tampered =
          new SignableRequest("GET", presigned.rawPath(), new String(query), presigned.headers());
      assertThrows(AuthException.class, () -> verifier.verify(tampered), "query at " + i);
    }
  }
}
