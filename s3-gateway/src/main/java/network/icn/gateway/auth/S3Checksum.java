package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import network.icn.gateway.checksum.Crc64Nvme;

/**
 * An incremental S3 checksum. {@link #base64()} is what AWS sends in {@code x-amz-checksum-*}:
 * base64 of the big-endian CRC value, or of the SHA digest. Not thread-safe; one per body.
 */
public final class S3Checksum {
  private final ChecksumAlgorithm algorithm;
  private final Checksum crc;
  private final MessageDigest digest;

  private S3Checksum(ChecksumAlgorithm algorithm) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.crc =
        switch (algorithm) {
          case CRC32 -> new CRC32();
          case CRC32C -> new CRC32C();
          case CRC64NVME -> new Crc64Nvme();
          case SHA1, SHA256 -> null;
        };
    this.digest =
        switch (algorithm) {
          case CRC32, CRC32C, CRC64NVME -> null;
          case SHA1 -> Hashing.digest("SHA-1");
          case SHA256 -> Hashing.sha256();
        };
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
    if (crc != null) {
      crc.update(data);
    } else {
      digest.update(data);
    }
  }

  /** The checksum bytes (big-endian for CRCs). Ends this checksum: call once. */
  public byte[] digest() {
    if (digest != null) {
      return digest.digest();
    }
    long value = crc.getValue();
    ByteBuffer out = ByteBuffer.allocate(algorithm.digestBytes());
    if (algorithm.digestBytes() == 4) {
      out.putInt((int) value);
    } else {
      out.putLong(value);
    }
    return out.array();
  }

  /** Base64 of {@link #digest()}. Ends this checksum: call once. */
  public String base64() {
    return Base64.getEncoder().encodeToString(digest());
  }
}
