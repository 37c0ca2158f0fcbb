package network.icn.gateway.crash;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The crash test's writes: object {@code i} is named {@code obj-i-size} and holds {@code size}
 * bytes from a generator seeded with {@code i}, so the parent can regenerate any object it finds
 * listed, acknowledged or not.
 */
final class CrashWorkload {
  static final String BUCKET = "crash";

  private CrashWorkload() {}

  static String key(int index, int size) {
    return "obj-" + index + "-" + size;
  }

  static int sizeOf(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
  }

  static int indexOf(String key) {
    String[] parts = key.split("-");
    return Integer.parseInt(parts[1]);
  }

  static byte[] content(int index, int size) {
    byte[] data = new byte[size];
    new SplittableRandom(1_000_003L * index + 17).nextBytes(data);
    return data;
  }

  static byte[] content(String key) {
    return content(indexOf(key), sizeOf(key));
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a stream to its end (unused helper kept out of the hot path). */
  static byte[] readAll(InputStream in) throws java.io.IOException {
    return in.readAllBytes();
  }
}
