package network.icn.gateway.object;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import network.icn.gateway.checksum.Crc64Nvme;

/**
 * The S3 additional checksums ({@code x-amz-checksum-*}). Values are the big-endian bytes of the
 * CRC or the digest, base64-encoded, as S3 sends them.
 */
public enum ChecksumAlgorithm {
  CRC32,
  CRC32C,
  CRC64NVME,
  SHA1,
  SHA256;

  /** The algorithm named like S3's {@code x-amz-checksum-algorithm} (case-insensitive). */
  public static ChecksumAlgorithm parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-", ""));
    } catch (IllegalArgumentException e) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "unknown checksum algorithm '" + name + "'");
    }
  }

  /** A fresh running computation of this checksum. */
  public Running start() {
    return switch (this) {
      case CRC32 -> new Crc(new CRC32(), 4);
      case CRC32C -> new Crc(new CRC32C(), 4);
      case CRC64NVME -> new Crc(new Crc64Nvme(), 8);
      case SHA1 -> new Digest("SHA-1");
      case SHA256 -> new Digest("SHA-256");
    };
  }

  /** A checksum being computed over a stream. Not thread-safe. */
  public sealed interface Running permits Crc, Digest {
    void update(ByteBuffer data);

    /** The final value's bytes (big-endian). */
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
