package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * An incremental S3 checksum. {@link #base64()} is what AWS sends in {@code x-amz-checksum-*}:
 * base64 of the big-endian CRC value, or of the SHA digest. Not thread-safe; one per body.
 */
public final class S3Checksum {
  private final ChecksumAlgorithm algorithm;
  private final ChecksumAlgorithm.Running running;

  private S3Checksum(ChecksumAlgorithm algorithm) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.running = algorithm.start();
  }

  public static S3Checksum of(ChecksumAlgorithm algorithm) {
    return new S3Checksum(algorithm);
  }

  /** The base64 checksum of a whole byte array. */
  public static String base64(ChecksumAlgorithm algorithm, byte[] data) {
    S3Checksum checksum = of(algorithm);
    checksum.update(ByteBuffer.wrap(data));
    return checksum.base64();
  }

  public ChecksumAlgorithm algorithm() {
    return algorithm;
  }

  /** Consumes the buffer's remaining bytes. */
  public void update(ByteBuffer data) {
    running.update(data);
  }

  /** The checksum bytes (big-endian for CRCs). Ends this checksum: call once. */
  public byte[] digest() {
    return running.finish();
  }

  /** Base64 of {@link #digest()}. Ends this checksum: call once. */
  public String base64() {
    return Base64.getEncoder().encodeToString(digest());
  }
}
