package network.icn.gateway.object;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Deterministic random bodies of any length, streamed, and SHA-256 helpers. */
final class TestBodies {
  private TestBodies() {}

  static byte[] random(long seed, int size) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  /** A stream of {@code size} pseudo-random bytes that never holds more than 64 KiB. */
  static InputStream stream(long seed, long size) {
    return new InputStream() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private final byte[] block = new byte[64 * 1024];
      private int blockPos = block.length;
      private long left = size;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        if (blockPos == block.length) {
          random.nextBytes(block);
          blockPos = 0;
        }
        int n = (int) Math.min(Math.min(len, block.length - blockPos), left);
        System.arraycopy(block, blockPos, b, off, n);
        blockPos += n;
        left -= n;
        return n;
      }
    };
  }

  static String sha256(byte[] data, int offset, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(data, offset, length);
      return HexFormat.of().formatHex(d.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(
      ObjectStore store, String bucket, String key, java.util.Optional<ByteRange> range) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.get(bucket, key, range, ObjectSink.of(out));
    return out.toByteArray();
  }
}
