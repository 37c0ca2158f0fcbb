package network.icn.gateway.checksum;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME (the S3 {@code CRC64NVME} checksum): reflected polynomial {@code 0x9a6c9329ac4bc9b5}
 * (normal form {@code 0xad93d23594c93659}), init and xor-out all ones. Slicing by 8 over eight
 * 256-entry tables. Not thread-safe.
 */
public final class Crc64Nvme implements Checksum {
  private static final long POLY = 0x9a6c9329ac4bc9b5L;
  private static final long[][] TABLES = tables();

  private long crc = -1L;

  private static long[][] tables() {
    long[][] t = new long[8][256];
    for (int i = 0; i < 256; i++) {
      long c = i;
      for (int b = 0; b < 8; b++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      }
      t[0][i] = c;
    }
    for (int i = 0; i < 256; i++) {
      for (int k = 1; k < 8; k++) {
        long prev = t[k - 1][i];
        t[k][i] = (prev >>> 8) ^ t[0][(int) (prev & 0xff)];
      }
    }
    return t;
  }

  @Override
  public void update(int b) {
    crc = (crc >>> 8) ^ TABLES[0][(int) ((crc ^ b) & 0xff)];
  }

  @Override
  public void update(byte[] b, int off, int len) {
    long c = crc;
    int i = off;
    int end = off + len;
    long[] t0 = TABLES[0];
    long[] t1 = TABLES[1];
    long[] t2 = TABLES[2];
    long[] t3 = TABLES[3];
    long[] t4 = TABLES[4];
    long[] t5 = TABLES[5];
    long[] t6 = TABLES[6];
    long[] t7 = TABLES[7];
    while (end - i >= 8) {
      long v =
          (b[i] & 0xffL)
              | (b[i + 1] & 0xffL) << 8
              | (b[i + 2] & 0xffL) << 16
              | (b[i + 3] & 0xffL) << 24
              | (b[i + 4] & 0xffL) << 32
              | (b[i + 5] & 0xffL) << 40
              | (b[i + 6] & 0xffL) << 48
              | (b[i + 7] & 0xffL) << 56;
      c ^= v;
      c =
          t7[(int) (c & 0xff)]
              ^ t6[(int) ((c >>> 8) & 0xff)]
              ^ t5[(int) ((c >>> 16) & 0xff)]
              ^ t4[(int) ((c >>> 24) & 0xff)]
              ^ t3[(int) ((c >>> 32) & 0xff)]
              ^ t2[(int) ((c >>> 40) & 0xff)]
              ^ t1[(int) ((c >>> 48) & 0xff)]
              ^ t0[(int) (c >>> 56)];
      i += 8;
    }
    while (i < end) {
      c = (c >>> 8) ^ t0[(int) ((c ^ b[i++]) & 0xff)];
    }
    crc = c;
  }

  @Override
  public void update(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    byte[] tmp = new byte[Math.min(buffer.remaining(), 64 * 1024)];
    while (buffer.hasRemaining()) {
      int n = Math.min(tmp.length, buffer.remaining());
      buffer.get(tmp, 0, n);
      update(tmp, 0, n);
    }
  }

  /** The CRC value (the 64 bits as a {@code long}). */
  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = -1L;
  }
}
