package network.icn.gateway.auth;

/**
 * How the body is protected, from {@code x-amz-content-sha256} (header auth) or fixed to {@link
 * #UNSIGNED} (presigned URLs).
 */
public enum PayloadMode {
  /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature. */
  UNSIGNED("UNSIGNED-PAYLOAD", false),
  /** A literal hex SHA-256 of the whole body, checked when the body ends. */
  SHA256(null, false),
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
  STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", true),
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks and a signed trailer. */
  STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", true),
  /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, a trailer. */
  STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER", true);

  private final String headerValue;
  private final boolean chunked;

  PayloadMode(String headerValue, boolean chunked) {
    this.headerValue = headerValue;
    this.chunked = chunked;
  }

  /** The constant {@code x-amz-content-sha256} value, or null for {@link #SHA256}. */
  public String headerValue() {
    return headerValue;
  }

  /** Whether the body is aws-chunked framed (and needs {@code x-amz-decoded-content-length}). */
  public boolean chunked() {
    return chunked;
  }

  public boolean hasTrailer() {
    return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
  }

  public boolean signedChunks() {
    return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
  }

  /**
   * The mode a {@code x-amz-content-sha256} value selects.
   *
   * @throws AuthException INVALID_ARGUMENT for anything else, NOT_IMPLEMENTED for SigV4a streaming
   */
  public static PayloadMode fromContentSha256(String value) {
    for (PayloadMode mode : values()) {
      if (value.equals(mode.headerValue)) {
        return mode;
      }
    }
    if (value.length() == 64 && value.chars().allMatch(java.util.HexFormat::isHexDigit)) {
      return SHA256;
    }
    if (value.startsWith("STREAMING-AWS4-ECDSA-P256-SHA256")) {
      throw AuthException.of(AuthError.NOT_IMPLEMENTED, "SigV4a streaming is not supported");
    }
    throw AuthException.of(
        AuthError.INVALID_ARGUMENT,
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
            + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-UNSIGNED-PAYLOAD-TRAILER or a"
            + " valid sha256 value.");
  }
}
