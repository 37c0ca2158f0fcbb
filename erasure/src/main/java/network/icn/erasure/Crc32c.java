package network.icn.erasure;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) of a chunk, the bitrot check kept for every chunk and verified on every read.
 *
 * <p>Backed by {@link CRC32C}, which the JIT intrinsifies (SSE4.2 / AVX-512 on x86, CRC32 on
 * aarch64). Results are the unsigned 32-bit value carried in an {@code int}; use {@link
 * Integer#toUnsignedLong(int)} or {@link #toHex(int)} to print it.
 *
 * <p>The {@link ByteBuffer} methods never move the caller's position or limit, so a chunk can be
 * checked and then handed on unchanged.
 */
public final class Crc32c {

  private Crc32c() {}

  /** CRC32C of {@code buffer[offset, offset + length)} (absolute indices; position untouched). */
  public static int of(ByteBuffer buffer, int offset, int length) {
    Objects.requireNonNull(buffer, "buffer");
    Objects.checkFromIndexSize(offset, length, buffer.capacity());
    CRC32C crc = new CRC32C();
    crc.update(buffer.slice(offset, length));
    return (int) crc.getValue();
  }

  /** CRC32C of the remaining bytes of {@code buffer} (position and limit untouched). */
  public static int of(ByteBuffer buffer) {
    return of(buffer, buffer.position(), buffer.remaining());
  }

  /** CRC32C of {@code data[offset, offset + length)}. */
  public static int of(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /** CRC32C of all of {@code data}. */
  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** The CRC as 8 lower-case hex digits, as written in logs and test vectors. */
  public static String toHex(int crc) {
    return String.format("%08x", crc);
  }
}
