package network.icn.conformance.sdk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Test bodies from seeded randomness, and the digests the suites compare them by. */
final class Bodies {
  private Bodies() {}

  /** {@code size} pseudo-random bytes, the same for the same seed. */
  static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < size; ) {
      long v = r.nextLong();
      for (int j = 0; j < 8 && i < size; j++, i++) {
        b[i] = (byte) (v >>> (8 * j));
      }
    }
    return b;
  }

  static String sha256(byte[] body) {
    return hex("SHA-256", body);
  }

  /** The hex MD5, which is a single-part object's ETag (without the quotes). */
  static String md5(byte[] body) {
    return hex("MD5", body);
  }

  /** An ETag with its quotes, as S3 sends it. */
  static String etag(byte[] body) {
    return '"' + md5(body) + '"';
  }

  private static String hex(String algorithm, byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
