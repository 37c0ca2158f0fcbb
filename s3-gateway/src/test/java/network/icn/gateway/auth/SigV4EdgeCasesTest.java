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
import java.util.List;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Keys, queries, clocks and scopes at the edges, signed by the SDK and by hand. */
class SigV4EdgeCasesTest {
  static final Instant SIGNED_AT = Instant.parse("2026-03-04T05:06:07Z");

  private final SdkSigner sdk = new SdkSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

  private static SigV4Verifier verifierAt(Instant now) {
    return SigV4Verifier.forS3(
        Clock.fixed(now, ZoneOffset.UTC),
        id -> id.equals(SdkSigner.ACCESS_KEY) ? Optional.of(SdkSigner.SECRET) : Optional.empty(),
        "us-east-1");
  }

  private final SigV4Verifier verifier = verifierAt(SIGNED_AT);

  private AuthError rejection(SignableRequest request) {
    return assertThrows(AuthException.class, () -> verifier.verify(request)).error();
  }

  private SignableRequest signedGet(String key) {
    return sdk.sign(
            SdkSigner.objectRequest(SdkHttpMethod.GET, key),
            null,
            SdkSigner.Options.signedPayload())
        .request();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "with space/and  two",
        "plus+sign",
        "equals=sign&amp",
        "at@sign",
        "tilde~and_dash-dot.",
        "unicode/été/日本語/🙂",
        "literal%2Fpercent",
        "a//double//slash/",
        "./dot/../segments",
        "!$'()*,;:[]"
      })
  void keysWithSpecialCharactersVerifyInHeaderAndPresignedForm(String key) {
    assertEquals(PayloadMode.SHA256, verifier.verify(signedGet(key)).payloadMode());
    SignableRequest presigned =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, key),
                null,
                SdkSigner.Options.presign(Duration.ofMinutes(10)))
            .request();
    assertEquals(PayloadMode.UNSIGNED, verifier.verify(presigned).payloadMode());
  }

  @Test
  void anEncodedSlashInTheKeyStaysEncoded() {
    SignableRequest request =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "x").encodedPath("/a%2Fb"),
                null,
                SdkSigner.Options.signedPayload())
            .request();
    assertEquals("/a%2Fb", Canonicalizer.canonicalUri(request.rawPath()));
    verifier.verify(request);
    SignableRequest slash =
        new SignableRequest("GET", "/a/b", request.rawQuery(), request.headers());
    assertEquals(AuthError.SIGNATURE_DOES_NOT_MATCH, rejection(slash));
  }

  @Test
  void aDoubleSlashSignedPlainButSentAsSlashEncodedSlashVerifies() {
    // aws-sdk-java-v2's Apache client signs the key "a//b///c" as is, then sends "/%2F" for every
    // "//" so that Apache does not collapse them; S3 accepts that request, in both signing forms.
    for (SdkSigner.Options options :
        List.of(
            SdkSigner.Options.signedPayload(), SdkSigner.Options.presign(Duration.ofMinutes(5)))) {
      SignableRequest signed =
          sdk.sign(SdkSigner.objectRequest(SdkHttpMethod.GET, "a//b///c"), null, options).request();
      assertEquals("/a//b///c", signed.rawPath());
      SignableRequest wire =
          new SignableRequest("GET", "/a/%2Fb/%2F/c", signed.rawQuery(), signed.headers());
      verifier.verify(wire);
      verifier.verify(
          new SignableRequest("GET", "/a/%2fb/%2f/c", signed.rawQuery(), signed.headers()));
      // Another key (one slash fewer) is still refused.
      assertEquals(
          AuthError.SIGNATURE_DOES_NOT_MATCH,
          rejection(new SignableRequest("GET", "/a/%2Fb/c", signed.rawQuery(), signed.headers())));
    }
  }

  @Test
  void thePathIsDecodedOnceNotDoubleEncoded() {
    assertEquals("/a%20b/~/c%25", Canonicalizer.canonicalUri("/a%20b/%7e/c%25"));
    assertEquals("/a%20b/~/c%25", Canonicalizer.canonicalUri("/a b/~/c%25"));
    assertEquals("/%2Fx/./../y/", Canonicalizer.canonicalUri("/%2fx/./../y/"));
    assertEquals("/", Canonicalizer.canonicalUri("/"));
    // A client that escapes an unreserved character still verifies.
    SignableRequest request = signedGet("a~b");
    verifier.verify(new SignableRequest("GET", "/a%7Eb", request.rawQuery(), request.headers()));
  }

  @Test
  void badPercentEncodingIsInvalidUri() {
    SignableRequest request = signedGet("ok");
    assertEquals(
        AuthError.INVALID_URI,
        rejection(new SignableRequest("GET", "/bad%zz", "", request.headers())));
    assertEquals(
        AuthError.INVALID_URI,
        rejection(new SignableRequest("GET", "/ok", "a=%4", request.headers())));
  }

  @Test
  void repeatedAndEmptyQueryParametersAreSignedSorted() {
    SignableRequest request =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "")
                    .putRawQueryParameter("prefix", "a b+c=d/é")
                    .appendRawQueryParameter("k", "2")
                    .appendRawQueryParameter("k", "1")
                    .appendRawQueryParameter("k", "")
                    .putRawQueryParameter("empty", "")
                    .putRawQueryParameter("list-type", "2"),
                null,
                SdkSigner.Options.signedPayload())
            .request();
    verifier.verify(request);
    assertEquals(
        "empty=&k=&k=1&k=2&list-type=2&prefix=a%20b%2Bc%3Dd%2F%C3%A9",
        Canonicalizer.canonicalQuery(request.rawQuery(), false));
  }

  @Test
  void queryPlusIsASpaceAndValuelessParametersHaveAnEmptyValue() {
    assertEquals("a=x%20y&uploads=", Canonicalizer.canonicalQuery("uploads&a=x+y", false));
    assertEquals("a=1", Canonicalizer.canonicalQuery("a=1&&", false));
    assertEquals(
        "X-Amz-Date=1", Canonicalizer.canonicalQuery("X-Amz-Signature=abc&X-Amz-Date=1", true));
  }

  @Test
  void headerValuesAreTrimmedAndInnerWhitespaceCollapsed() {
    assertEquals("a b c,d", Canonicalizer.canonicalHeaderValue(List.of("  a   b \t c ", "d")));
  }

  @Test
  void clockSkewOfExactlyFifteenMinutesIsAccepted() {
    SignableRequest request = signedGet("k");
    verifierAt(SIGNED_AT.plus(Duration.ofMinutes(15))).verify(request);
    verifierAt(SIGNED_AT.minus(Duration.ofMinutes(15))).verify(request);
  }

  @Test
  void clockSkewBeyondFifteenMinutesIsRequestTimeTooSkewed() {
    SignableRequest request = signedGet("k");
    for (Instant now :
        List.of(
            SIGNED_AT.plus(Duration.ofMinutes(15).plusSeconds(1)),
            SIGNED_AT.minus(Duration.ofMinutes(15).plusSeconds(1)))) {
      AuthException e = assertThrows(AuthException.class, () -> verifierAt(now).verify(request));
      assertEquals(AuthError.REQUEST_TIME_TOO_SKEWED, e.error());
      assertEquals(403, e.error().httpStatus());
    }
  }

  @Test
  void wrongRegionIsAuthorizationHeaderMalformed() {
    SignableRequest request =
        new SdkSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .region("us-west-2")
            .sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.signedPayload())
            .request();
    AuthException e = assertThrows(AuthException.class, () -> verifier.verify(request));
    assertEquals(AuthError.AUTHORIZATION_HEADER_MALFORMED, e.error());
    assertTrue(e.getMessage().contains("the region 'us-west-2' is wrong; expecting 'us-east-1'"));
  }

  @Test
  void wrongRegionInAPresignedUrlIsAuthorizationQueryParametersError() {
    SignableRequest request =
        new SdkSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .region("eu-west-1")
            .sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.presign(Duration.ofMinutes(1)))
            .request();
    assertEquals(AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR, rejection(request));
  }

  @Test
  void wrongServiceIsAuthorizationHeaderMalformed() {
    SignableRequest request =
        new SdkSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .service("s3-object-lambda")
            .sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.signedPayload())
            .request();
    assertEquals(AuthError.AUTHORIZATION_HEADER_MALFORMED, rejection(request));
  }

  private static SignableRequest withAuthorization(SignableRequest request, String authorization) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    request
        .headers()
        .values()
        .forEach(
            (n, values) ->
                values.forEach(v -> headers.add(n, n.equals("authorization") ? authorization : v)));
    return new SignableRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers.build());
  }

  @Test
  void malformedCredentialsAreAuthorizationHeaderMalformed() {
    SignableRequest request = signedGet("k");
    String auth = request.headers().first("authorization").orElseThrow();
    String credential = SdkSigner.ACCESS_KEY + "/20260304/us-east-1/s3/aws4_request";
    for (String bad :
        List.of(
            SdkSigner.ACCESS_KEY + "/20260304/us-east-1/s3",
            SdkSigner.ACCESS_KEY + "/20260304/us-east-1/s3/aws5_request",
            SdkSigner.ACCESS_KEY + "/2026-03-04/us-east-1/s3/aws4_request",
            SdkSigner.ACCESS_KEY + "/20260305/us-east-1/s3/aws4_request",
            "/20260304/us-east-1/s3/aws4_request")) {
      assertEquals(
          AuthError.AUTHORIZATION_HEADER_MALFORMED,
          rejection(withAuthorization(request, auth.replace(credential, bad))),
          bad);
    }
    assertEquals(
        AuthError.AUTHORIZATION_HEADER_MALFORMED,
        rejection(withAuthorization(request, auth.substring(0, auth.indexOf(", Signature=")))));
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        rejection(withAuthorization(request, "AWS " + SdkSigner.ACCESS_KEY + ":c2lnbmF0dXJl")));
    assertEquals(
        AuthError.NOT_IMPLEMENTED,
        rejection(
            withAuthorization(
                request, auth.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"))));
  }

  @Test
  void unknownAccessKeyIsInvalidAccessKeyId() {
    SignableRequest request = signedGet("k");
    AuthException e =
        assertThrows(
            AuthException.class,
            () ->
                SigV4Verifier.forS3(
                        Clock.fixed(SIGNED_AT, ZoneOffset.UTC), id -> Optional.empty(), "us-east-1")
                    .verify(request));
    assertEquals(AuthError.INVALID_ACCESS_KEY_ID, e.error());
    assertEquals("InvalidAccessKeyId", e.error().s3Code());
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    SignableRequest request = signedGet("k");
    AuthException e =
        assertThrows(
            AuthException.class,
            () ->
                SigV4Verifier.forS3(
                        Clock.fixed(SIGNED_AT, ZoneOffset.UTC),
                        id -> Optional.of("other"),
                        "us-east-1")
                    .verify(request));
    assertEquals(AuthError.SIGNATURE_DOES_NOT_MATCH, e.error());
  }

  @Test
  void presignedUrlExpiresAfterXAmzExpires() {
    SignableRequest request =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.presign(Duration.ofHours(1)))
            .request();
    // Presigned URLs are valid for their whole lifetime, not just the 15-minute skew window.
    verifierAt(SIGNED_AT.plus(Duration.ofMinutes(59))).verify(request);
    verifierAt(SIGNED_AT.plus(Duration.ofHours(1))).verify(request);
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> verifierAt(SIGNED_AT.plus(Duration.ofHours(1)).plusSeconds(1)).verify(request));
    assertEquals(AuthError.ACCESS_DENIED, e.error());
    assertEquals("Request has expired", e.getMessage());
    AuthException early =
        assertThrows(
            AuthException.class,
            () -> verifierAt(SIGNED_AT.minus(Duration.ofMinutes(16))).verify(request));
    assertEquals(AuthError.ACCESS_DENIED, early.error());
  }

  @Test
  void presignExpiresBeyondSevenDaysIsAuthorizationQueryParametersError() {
    SignableRequest request =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.presign(Duration.ofDays(7)))
            .request();
    verifier.verify(request);
    for (String expires : List.of("604801", "0", "-1", "soon")) {
      SignableRequest tampered =
          new SignableRequest(
              "GET",
              request.rawPath(),
              request.rawQuery().replace("X-Amz-Expires=604800", "X-Amz-Expires=" + expires),
              request.headers());
      assertEquals(AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR, rejection(tampered), expires);
    }
    SignableRequest missing =
        new SignableRequest(
            "GET",
            request.rawPath(),
            request.rawQuery().replace("X-Amz-Expires=604800&", ""),
            request.headers());
    assertEquals(AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR, rejection(missing));
  }

  @Test
  void sessionTokensAreNotImplemented() {
    SdkSigner withToken =
        new SdkSigner(Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).sessionToken("FwoGZXIvYXdzEXAMPLE");
    SignableRequest header =
        withToken
            .sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.signedPayload())
            .request();
    SignableRequest query =
        withToken
            .sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.presign(Duration.ofMinutes(1)))
            .request();
    assertEquals(AuthError.NOT_IMPLEMENTED, rejection(header));
    assertEquals(AuthError.NOT_IMPLEMENTED, rejection(query));
  }

  @Test
  void anonymousAndDoublyAuthenticatedRequestsAreRejected() {
    assertEquals(
        AuthError.ACCESS_DENIED,
        rejection(new SignableRequest("GET", "/k", "", RequestHeaders.of("Host", SdkSigner.HOST))));
    SignableRequest presigned =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.GET, "k"),
                null,
                SdkSigner.Options.presign(Duration.ofMinutes(1)))
            .request();
    SignableRequest header = signedGet("k");
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        rejection(new SignableRequest("GET", "/k", presigned.rawQuery(), header.headers())));
  }

  @Test
  void unsignedAmzHeadersAreAccessDenied() {
    SignableRequest request = signedGet("k");
    RequestHeaders.Builder headers = RequestHeaders.builder();
    request.headers().values().forEach((n, vs) -> vs.forEach(v -> headers.add(n, v)));
    headers.add("x-amz-meta-sneaky", "1");
    AuthException e =
        assertThrows(
            AuthException.class,
            () ->
                verifier.verify(
                    new SignableRequest("GET", request.rawPath(), "", headers.build())));
    assertEquals(AuthError.ACCESS_DENIED, e.error());
    assertTrue(e.getMessage().contains("x-amz-meta-sneaky"));
  }

  private static SignableRequest without(SignableRequest request, String header) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    request
        .headers()
        .values()
        .forEach(
            (n, vs) ->
                vs.forEach(
                    v -> {
                      if (!n.equals(header)) {
                        headers.add(n, v);
                      }
                    }));
    return new SignableRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers.build());
  }

  @Test
  void missingContentSha256IsInvalidRequest() {
    assertEquals(
        AuthError.INVALID_REQUEST, rejection(without(signedGet("k"), "x-amz-content-sha256")));
  }

  @Test
  void missingDateIsAccessDenied() {
    assertEquals(AuthError.ACCESS_DENIED, rejection(without(signedGet("k"), "x-amz-date")));
  }

  @Test
  void streamingWithoutDecodedContentLengthIsMissingContentLength() {
    SignableRequest request =
        sdk.sign(
                SdkSigner.objectRequest(SdkHttpMethod.PUT, "k"),
                new byte[] {1, 2, 3},
                SdkSigner.Options.chunkedSigned())
            .request();
    AuthException e =
        assertThrows(
            AuthException.class,
            () -> verifier.verify(without(request, "x-amz-decoded-content-length")));
    assertEquals(AuthError.MISSING_CONTENT_LENGTH, e.error());
    assertEquals(411, e.error().httpStatus());
  }

  @Test
  void plainBodiesCheckLengthAndHeaderChecksums() {
    byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
    SdkSigner.Signed signed =
        sdk.sign(
            SdkSigner.objectRequest(SdkHttpMethod.PUT, "k")
                .putHeader("Content-MD5", "wrongwrongwrongwrongw==")
                .putHeader(
                    "x-amz-checksum-crc32", S3Checksum.base64(ChecksumAlgorithm.CRC32, body)),
            body,
            SdkSigner.Options.unsignedPayload());
    assertEquals(AuthError.INVALID_DIGEST, rejection(signed.request()));

    String md5 = java.util.Base64.getEncoder().encodeToString(Hashing.digest("MD5").digest(body));
    SdkSigner.Signed good =
        sdk.sign(
            SdkSigner.objectRequest(SdkHttpMethod.PUT, "k")
                .putHeader("Content-MD5", md5)
                .putHeader(
                    "x-amz-checksum-crc32", S3Checksum.base64(ChecksumAlgorithm.CRC32, body)),
            body,
            SdkSigner.Options.unsignedPayload());
    AuthenticatedRequest ok = verifier.verify(good.request());
    assertArrayEquals(body, Bodies.decode(ok, good.wire(), 3));

    byte[] other = body.clone();
    other[0] ^= 1;
    assertEquals(
        AuthError.BAD_DIGEST,
        assertThrows(AuthException.class, () -> Bodies.decode(ok, other, 3)).error());
    assertEquals(
        AuthError.INCOMPLETE_BODY,
        assertThrows(AuthException.class, () -> Bodies.decode(ok, new byte[] {'0'}, 3)).error());
  }
}
