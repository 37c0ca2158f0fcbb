package network.icn.gateway.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The S3 additional checksums ({@code x-amz-checksum-*}), shared by SigV4 body verification and the
 * object layer. Values are the big-endian bytes of the CRC or the digest, base64-encoded, as S3
 * sends them.
 */
public enum ChecksumAlgorithm {
  CRC32(4),
  CRC32C(4),
  CRC64NVME(8),
  SHA1(20),
  SHA256(32);

  private final int digestBytes;

  ChecksumAlgorithm(int digestBytes) {
    this.digestBytes = digestBytes;
  }

  /** The length of a value in bytes. */
  public int digestBytes() {
    return digestBytes;
  }

  /** {@code x-amz-checksum-crc32c} and so on. */
  public String headerName() {
    return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
  }

  /** The algorithm a lowercased {@code x-amz-checksum-*} header name stands for. */
  public static Optional<ChecksumAlgorithm> fromHeaderName(String lowercaseName) {
    for (ChecksumAlgorithm a : values()) {
      if (a.headerName().equals(lowercaseName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm named like S3's {@code x-amz-checksum-algorithm} (case-insensitive, {@code SHA-1}
   * as well as {@code SHA1}).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ChecksumAlgorithm parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown checksum algorithm '" + name + "'", e);
    }
  }

  /** A fresh running computation of this checksum. */
  public Running start() {
    return switch (this) {
      case CRC32 -> new Crc(new CRC32(), digestBytes);
      case CRC32C -> new Crc(new CRC32C(), digestBytes);
      case CRC64NVME -> new Crc(new Crc64Nvme(), digestBytes);
      case SHA1 -> new Digest("SHA-1");
      case SHA256 -> new Digest("SHA-256");
    };
  }

  /** A checksum being computed over a stream. Not thread-safe. */
  public sealed interface Running permits Crc, Digest {
    /** Consumes the buffer's remaining bytes. */
    void update(ByteBuffer data);

    /** The final value's bytes (big-endian). Ends the computation: call once. */
    byte[] finish();
  }

  /** A CRC of {@code width} bytes. */
  record Crc(Checksum checksum, int width) implements Running {
    @Override
    public void update(ByteBuffer data) {
      checksum.update(data);
    }

    @Override
    public byte[] finish() {
      ByteBuffer out = ByteBuffer.allocate(8).putLong(checksum.getValue());
      byte[] bytes = new byte[width];
      out.get(8 - width, bytes);
      return bytes;
    }
  }

  /** A message digest. */
  static final class Digest implements Running {
    private final MessageDigest digest;

    Digest(String algorithm) {
      try {
        digest = MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(algorithm + " is missing from the JDK", e);
      }
    }

    @Override
    public void update(ByteBuffer data) {
      digest.update(data);
    }

    @Override
    public byte[] finish() {
      return digest.digest();
    }
  }
}
