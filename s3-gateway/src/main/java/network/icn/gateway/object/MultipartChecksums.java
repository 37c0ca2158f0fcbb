package network.icn.gateway.object;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ChecksumType;
import network.icn.gateway.metadata.Checksums;
import network.icn.gateway.metadata.PartRecord;

/**
 * The ETag and checksums of a completed multipart object, from its parts' values alone (no data is
 * read): the ETag is the MD5 of the concatenated binary part MD5s plus {@code -N}; a COMPOSITE
 * checksum is the algorithm over the concatenated binary part checksums plus {@code -N}; a
 * FULL_OBJECT CRC is the parts' CRCs combined ({@link CrcCombine}), as if computed over all bytes.
 */
final class MultipartChecksums {
  private MultipartChecksums() {}

  /** The quoted multipart ETag. */
  static String etag(List<PartRecord> parts) {
    MessageDigest md5 = md5();
    for (PartRecord part : parts) {
      md5.update(HexFormat.of().parseHex(unquote(part.etag())));
    }
    return "\"" + HexFormat.of().formatHex(md5.digest()) + "-" + parts.size() + "\"";
  }

  /** The object's checksums for an upload with {@code algorithm} and {@code type}. */
  static Checksums object(ChecksumAlgorithm algorithm, ChecksumType type, List<PartRecord> parts) {
    String name = algorithm.name();
    if (type == ChecksumType.COMPOSITE) {
      ChecksumAlgorithm.Running running = algorithm.start();
      for (PartRecord part : parts) {
        running.update(ByteBuffer.wrap(partValue(part, name)));
      }
      String value = Base64.getEncoder().encodeToString(running.finish()) + "-" + parts.size();
      return new Checksums(Map.of(name, value), ChecksumType.COMPOSITE);
    }
    CrcCombine combine = CrcCombine.of(algorithm);
    if (combine == null) {
      throw new IllegalStateException(name + " has no full-object multipart checksum");
    }
    long crc = 0;
    for (PartRecord part : parts) {
      crc = combine.combine(crc, toLong(partValue(part, name)), part.size());
    }
    int bytes = combine.width() / 8;
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[i] = (byte) (crc >>> (8 * (bytes - 1 - i)));
    }
    return Checksums.fullObject(name, Base64.getEncoder().encodeToString(out));
  }

  private static byte[] partValue(PartRecord part, String algorithm) {
    String value = part.checksums().values().get(algorithm);
    if (value == null) {
      throw new ObjectException(
          ObjectError.INVALID_PART,
          "part " + part.partNumber() + " has no " + algorithm + " checksum");
    }
    return Base64.getDecoder().decode(value);
  }

  private static long toLong(byte[] bigEndian) {
    long value = 0;
    for (byte b : bigEndian) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  static String unquote(String etag) {
    String t = etag.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from the JDK", e);
    }
  }
}
