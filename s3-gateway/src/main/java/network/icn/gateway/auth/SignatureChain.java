package network.icn.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The chained signatures of an aws-chunked body: each chunk (and the trailer) is signed over the
 * previous signature, starting from the request's seed signature. Not thread-safe; one per body.
 */
final class SignatureChain {
  private final byte[] signingKey;
  private final String amzDate;
  private final String scope;
  private String previous;

  SignatureChain(byte[] signingKey, String amzDate, CredentialScope scope, String seedSignature) {
    this.signingKey = signingKey.clone();
    this.amzDate = Objects.requireNonNull(amzDate, "amzDate");
    this.scope = scope.toString();
    this.previous = Objects.requireNonNull(seedSignature, "seedSignature");
  }

  /**
   * {@code AWS4-HMAC-SHA256-PAYLOAD\n<date>\n<scope>\n<previous>\n<sha256("")>\n<sha256(data)>}.
   */
  String chunkStringToSign(byte[] chunkSha256) {
    return "AWS4-HMAC-SHA256-PAYLOAD\n"
        + amzDate
        + "\n"
        + scope
        + "\n"
        + previous
        + "\n"
        + Hashing.EMPTY_SHA256
        + "\n"
        + Hashing.hex(chunkSha256);
  }

  /** {@code AWS4-HMAC-SHA256-TRAILER\n<date>\n<scope>\n<previous>\n<sha256(trailer)>}. */
  String trailerStringToSign(String canonicalTrailer) {
    return "AWS4-HMAC-SHA256-TRAILER\n"
        + amzDate
        + "\n"
        + scope
        + "\n"
        + previous
        + "\n"
        + Hashing.hex(Hashing.sha256().digest(canonicalTrailer.getBytes(StandardCharsets.UTF_8)));
  }

  /** Checks a chunk signature and advances the chain. */
  void verifyChunk(byte[] chunkSha256, String presented) {
    advance(chunkStringToSign(chunkSha256), presented, "chunk");
  }

  /** Checks the trailer signature ({@code x-amz-trailer-signature}) and advances the chain. */
  void verifyTrailer(String canonicalTrailer, String presented) {
    advance(trailerStringToSign(canonicalTrailer), presented, "trailer");
  }

  private void advance(String stringToSign, String presented, String what) {
    String expected = Hashing.signature(signingKey, stringToSign);
    if (!Hashing.sameSignature(expected, presented)) {
      throw AuthException.of(
          AuthError.SIGNATURE_DOES_NOT_MATCH,
          "The " + what + " signature we calculated does not match the signature you provided.");
    }
    previous = expected;
  }
}
