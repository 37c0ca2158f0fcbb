package network.icn.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * The SigV4 entry point: parses, checks scope, clock and signed headers, looks the secret up,
 * recomputes the signature and compares it in constant time. Returns how to verify the body.
 * Thread-safe and stateless apart from its collaborators.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html">
 *     Authenticating Requests (AWS Signature Version 4)</a>
 */
public final class SigV4Verifier {
  /** How far the request time of header auth may be from the gateway clock. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final Clock clock;
  private final SecretLookup secrets;
  private final Set<String> regions;
  private final String service;

  /**
   * @param regions the region names the gateway answers to (the first is named in errors)
   * @param service the signing name, {@code s3}
   */
  public SigV4Verifier(Clock clock, SecretLookup secrets, List<String> regions, String service) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("at least one region");
    }
    this.regions =
        java.util.Collections.unmodifiableSequencedSet(new java.util.LinkedHashSet<>(regions));
    this.service = Objects.requireNonNull(service, "service");
  }

  /** An S3 verifier for the given regions. */
  public static SigV4Verifier forS3(Clock clock, SecretLookup secrets, String... regions) {
    return new SigV4Verifier(clock, secrets, List.of(regions), "s3");
  }

  /**
   * Authenticates a request from its method, raw path, raw query and headers.
   *
   * @throws AuthException with the S3 error to send
   */
  public AuthenticatedRequest verify(SignableRequest request) {
    SignatureRequest signature =
        switch (SigV4Parser.form(request)) {
          case HEADER -> SigV4Parser.parseHeader(request);
          case QUERY -> SigV4Parser.parseQuery(request);
          case ANONYMOUS ->
              throw AuthException.of(
                  AuthError.ACCESS_DENIED,
                  "Anonymous requests are not supported; sign with SigV4.");
        };
    boolean presigned =
        switch (signature.location()) {
          case SignatureRequest.Header h -> false;
          case SignatureRequest.Query q -> true;
        };
    rejectSessionToken(request);
    checkScope(signature, presigned);
    checkTime(signature);
    checkSignedHeaders(request, signature, presigned);

    RequestHeaders headers = request.headers();
    String payloadHash;
    PayloadMode mode;
    if (presigned) {
      payloadHash = PayloadMode.UNSIGNED.headerValue();
      mode = PayloadMode.UNSIGNED;
    } else {
      payloadHash =
          headers
              .first("x-amz-content-sha256")
              .map(String::strip)
              .orElseThrow(
                  () ->
                      AuthException.of(
                          AuthError.INVALID_REQUEST,
                          "Missing required header for this request: x-amz-content-sha256"));
      mode = PayloadMode.fromContentSha256(payloadHash);
    }
    long decodedLength = mode.chunked() ? decodedContentLength(headers) : -1;
    long contentLength = contentLength(headers);
    Set<String> trailerNames = trailerNames(headers, mode);
    Optional<ChecksumAlgorithm> trailerAlgorithm =
        trailerNames.stream().findFirst().flatMap(ChecksumAlgorithm::fromHeaderName);
    BodyChecks checks =
        BodyChecks.fromHeaders(headers, trailerAlgorithm, !describesCompletedObject(request));

    String secret =
        secrets
            .secret(signature.accessKeyId())
            .orElseThrow(
                () ->
                    AuthException.of(
                        AuthError.INVALID_ACCESS_KEY_ID,
                        "The AWS Access Key Id you provided does not exist in our records."));
    byte[] signingKey = Hashing.signingKey(secret, signature.scope());
    String expected = matchingSignature(request, signature, signingKey, payloadHash, presigned);

    String sha256 = mode == PayloadMode.SHA256 ? payloadHash.toLowerCase(Locale.ROOT) : null;
    AuthenticatedRequest.BodyDecoderFactory bodies =
        (sink, verifyDigests) -> {
          BodyChecks.Running digests = verifyDigests ? checks.start() : checks.startDeferred();
          return switch (mode) {
            case UNSIGNED, SHA256 -> new PlainBodyDecoder(sha256, contentLength, digests, sink);
            case STREAMING_SIGNED ->
                new AwsChunkedDecoder(
                    chain(signingKey, signature, expected),
                    false,
                    Set.of(),
                    decodedLength,
                    digests,
                    sink);
            case STREAMING_SIGNED_TRAILER ->
                new AwsChunkedDecoder(
                    chain(signingKey, signature, expected),
                    true,
                    trailerNames,
                    decodedLength,
                    digests,
                    sink);
            case STREAMING_UNSIGNED_TRAILER ->
                new AwsChunkedDecoder(null, false, trailerNames, decodedLength, digests, sink);
          };
        };
    long objectLength = mode.chunked() ? decodedLength : contentLength;
    return new AuthenticatedRequest(
        signature.accessKeyId(),
        signature,
        mode,
        objectLength < 0 ? OptionalLong.empty() : OptionalLong.of(objectLength),
        bodies);
  }

  /**
   * CompleteMultipartUpload ({@code POST ?uploadId=…}): its {@code x-amz-checksum-*} headers carry
   * the completed object's checksum (S3 API), not the XML body's, so they are not checked against
   * the body; Content-MD5 and trailers still are.
   */
  private static boolean describesCompletedObject(SignableRequest request) {
    if (!request.method().equals("POST")) {
      return false;
    }
    for (String piece : request.rawQuery().split("&")) {
      if (piece.equals("uploadId") || piece.startsWith("uploadId=")) {
        return true;
      }
    }
    return false;
  }

  /** The signature the request should carry, if it carries it; else SignatureDoesNotMatch. */
  private static String matchingSignature(
      SignableRequest request,
      SignatureRequest signature,
      byte[] signingKey,
      String payloadHash,
      boolean presigned) {
    String expected = expectedSignature(request, signature, signingKey, payloadHash, presigned);
    if (!Hashing.sameSignature(expected, signature.signature())
        && Canonicalizer.hasEncodedSlash(request.rawPath())) {
      // aws-sdk-java-v2's Apache client signs a key's "a//b" but sends "a/%2Fb" (Apache would
      // collapse "//"), and S3 accepts it: an encoded slash may also have been signed as "/". Both
      // paths name the same key (the router decodes %2F), so either canonical form is safe.
      SignableRequest slashes =
          new SignableRequest(
              request.method(),
              Canonicalizer.encodedSlashesDecoded(request.rawPath()),
              request.rawQuery(),
              request.headers());
      expected = expectedSignature(slashes, signature, signingKey, payloadHash, presigned);
    }
    if (!Hashing.sameSignature(expected, signature.signature())) {
      throw AuthException.of(
          AuthError.SIGNATURE_DOES_NOT_MATCH,
          "The request signature we calculated does not match the signature you provided. Check"
              + " your key and signing method.");
    }
    return expected;
  }

  private static String expectedSignature(
      SignableRequest request,
      SignatureRequest signature,
      byte[] signingKey,
      String payloadHash,
      boolean presigned) {
    String canonical =
        Canonicalizer.canonicalRequest(request, signature.signedHeaders(), payloadHash, presigned);
    return Hashing.signature(
        signingKey, Hashing.stringToSign(signature.amzDate(), signature.scope(), canonical));
  }

  private static SignatureChain chain(
      byte[] signingKey, SignatureRequest signature, String seedSignature) {
    return new SignatureChain(signingKey, signature.amzDate(), signature.scope(), seedSignature);
  }

  private static void rejectSessionToken(SignableRequest request) {
    boolean queryToken =
        Canonicalizer.queryParams(request.rawQuery()).stream()
            .anyMatch(e -> e.getKey().equals("X-Amz-Security-Token"));
    if (queryToken || request.headers().contains("x-amz-security-token")) {
      throw AuthException.of(
          AuthError.NOT_IMPLEMENTED,
          "Temporary credentials (X-Amz-Security-Token) are not supported by this gateway; use a"
              + " long-term access key.");
    }
  }

  private void checkScope(SignatureRequest signature, boolean presigned) {
    AuthError malformed =
        presigned
            ? AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR
            : AuthError.AUTHORIZATION_HEADER_MALFORMED;
    String prefix =
        presigned
            ? "Error parsing the X-Amz-Credential parameter; "
            : "The authorization header is malformed; ";
    CredentialScope scope = signature.scope();
    if (!regions.contains(scope.region())) {
      throw AuthException.of(
          malformed,
          prefix
              + "the region '"
              + scope.region()
              + "' is wrong; expecting '"
              + regions.iterator().next()
              + "'");
    }
    if (!scope.service().equals(service)) {
      throw AuthException.of(
          malformed,
          prefix
              + "incorrect service \""
              + scope.service()
              + "\". This endpoint belongs to \""
              + service
              + "\".");
    }
    if (!scope.date().equals(signature.requestTime().atZone(ZoneOffset.UTC).toLocalDate())) {
      throw AuthException.of(
          malformed,
          prefix
              + "Invalid credential date \""
              + scope.dateStamp()
              + "\". This date is not the same as X-Amz-Date: \""
              + signature.amzDate().substring(0, 8)
              + "\".");
    }
  }

  private void checkTime(SignatureRequest signature) {
    Instant now = clock.instant();
    Instant at = signature.requestTime();
    switch (signature.location()) {
      case SignatureRequest.Header h -> {
        if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
          throw AuthException.of(
              AuthError.REQUEST_TIME_TOO_SKEWED,
              "The difference between the request time and the current time is too large.");
        }
      }
      case SignatureRequest.Query q -> {
        if (now.isAfter(at.plus(q.expires()))) {
          throw AuthException.of(AuthError.ACCESS_DENIED, "Request has expired");
        }
        if (Duration.between(now, at).compareTo(MAX_SKEW) > 0) {
          throw AuthException.of(AuthError.ACCESS_DENIED, "Request is not valid yet");
        }
      }
    }
  }

  private static void checkSignedHeaders(
      SignableRequest request, SignatureRequest signature, boolean presigned) {
    if (!signature.signedHeaders().contains("host")) {
      throw AuthException.of(
          presigned
              ? AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR
              : AuthError.AUTHORIZATION_HEADER_MALFORMED,
          "SignedHeaders must include host");
    }
    if (presigned) {
      return;
    }
    List<String> unsigned = new ArrayList<>();
    for (String name : new TreeSet<>(request.headers().values().keySet())) {
      if (name.startsWith("x-amz-")
          && !name.equals("x-amz-content-sha256")
          && !signature.signedHeaders().contains(name)) {
        unsigned.add(name);
      }
    }
    if (!unsigned.isEmpty()) {
      throw AuthException.of(
          AuthError.ACCESS_DENIED,
          "There were headers present in the request which were not signed: "
              + String.join(", ", unsigned));
    }
  }

  private static long decodedContentLength(RequestHeaders headers) {
    String value =
        headers
            .first("x-amz-decoded-content-length")
            .orElseThrow(
                () ->
                    AuthException.of(
                        AuthError.MISSING_CONTENT_LENGTH,
                        "You must provide the Content-Length HTTP header"
                            + " (x-amz-decoded-content-length for aws-chunked uploads)."));
    return nonNegative(value, "x-amz-decoded-content-length");
  }

  private static long contentLength(RequestHeaders headers) {
    return headers.first("content-length").map(v -> nonNegative(v, "Content-Length")).orElse(-1L);
  }

  private static long nonNegative(String value, String header) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw AuthException.of(AuthError.INVALID_ARGUMENT, "Invalid " + header + ": " + value);
  }

  private static Set<String> trailerNames(RequestHeaders headers, PayloadMode mode) {
    List<String> values = headers.all("x-amz-trailer");
    if (!mode.hasTrailer()) {
      if (!values.isEmpty()) {
        throw AuthException.of(
            AuthError.INVALID_REQUEST,
            "x-amz-trailer requires x-amz-content-sha256 STREAMING-UNSIGNED-PAYLOAD-TRAILER or"
                + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
      }
      return Set.of();
    }
    TreeSet<String> names = new TreeSet<>();
    for (String value : values) {
      for (String name : value.split(",", -1)) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!n.isEmpty()) {
          names.add(n);
        }
      }
    }
    if (names.isEmpty()) {
      throw AuthException.of(
          AuthError.INVALID_REQUEST,
          "x-amz-content-sha256 " + mode.headerValue() + " requires an x-amz-trailer header");
    }
    for (String n : names) {
      if (ChecksumAlgorithm.fromHeaderName(n).isEmpty()) {
        throw AuthException.of(
            AuthError.INVALID_REQUEST,
            "The value specified in the x-amz-trailer header is not supported: " + n);
      }
    }
    if (names.size() > 1) {
      throw AuthException.of(
          AuthError.INVALID_REQUEST,
          "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
    }
    return Set.copyOf(names);
  }
}
