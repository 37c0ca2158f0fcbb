package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A body sent as is ({@code UNSIGNED-PAYLOAD} or a literal SHA-256): passes the bytes through,
 * checks the SHA-256, the length against {@code Content-Length} and any {@code Content-MD5} or
 * {@code x-amz-checksum-*} header at the end.
 */
public final class PlainBodyDecoder implements BodyDecoder {
  private final byte[] expectedSha256;
  private final long contentLength;
  private final BodyChecks.Running checks;
  private final Consumer<ByteBuffer> sink;
  private final MessageDigest sha256;
  private long length;
  private boolean finished;
  private AuthException failure;

  /**
   * @param expectedSha256Hex the signed body hash, or null for an unsigned payload
   * @param contentLength the declared length, or -1 when unknown
   */
  PlainBodyDecoder(
      String expectedSha256Hex,
      long contentLength,
      BodyChecks.Running checks,
      Consumer<ByteBuffer> sink) {
    this.expectedSha256 =
        expectedSha256Hex == null ? null : HexFormat.of().parseHex(expectedSha256Hex);
    this.sha256 = expectedSha256Hex == null ? null : Hashing.sha256();
    this.contentLength = contentLength;
    this.checks = checks;
    this.sink = sink;
  }

  @Override
  public void feed(ByteBuffer wire) {
    rethrow();
    if (finished) {
      throw new IllegalStateException("body already finished");
    }
    int n = wire.remaining();
    if (contentLength >= 0 && length + n > contentLength) {
      fail(
          AuthException.of(
              AuthError.INVALID_ARGUMENT,
              "The request body is longer than its Content-Length of " + contentLength));
    }
    length += n;
    if (sha256 != null) {
      sha256.update(wire.duplicate());
    }
    checks.update(wire);
    sink.accept(wire.slice());
    wire.position(wire.limit());
  }

  @Override
  public void finish() {
    rethrow();
    if (finished) {
      return;
    }
    if (contentLength >= 0 && length < contentLength) {
      fail(
          AuthException.of(
              AuthError.INCOMPLETE_BODY,
              "You did not provide the number of bytes specified by the Content-Length HTTP"
                  + " header."));
    }
    if (sha256 != null && !MessageDigest.isEqual(sha256.digest(), expectedSha256)) {
      fail(
          AuthException.of(
              AuthError.X_AMZ_CONTENT_SHA256_MISMATCH,
              "The provided 'x-amz-content-sha256' header does not match what was computed."));
    }
    try {
      checks.finish(Map.of());
    } catch (AuthException e) {
      fail(e);
    }
    finished = true;
  }

  @Override
  public long decodedLength() {
    return length;
  }

  @Override
  public Map<String, String> trailers() {
    return Map.of();
  }

  @Override
  public Optional<VerifiedChecksum> checksum() {
    return checks.verified();
  }

  private void fail(AuthException e) {
    failure = e;
    throw e;
  }

  private void rethrow() {
    if (failure != null) {
      throw failure;
    }
  }
}
