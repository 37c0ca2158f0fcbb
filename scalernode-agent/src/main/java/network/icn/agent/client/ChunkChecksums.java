package network.icn.agent.client;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * The CRC32C of every chunk of a shard, in order. Immutable. On the wire (header {@code
 * X-Icn-Chunk-Crc32c}) it is the base64 of the big-endian 4-byte values.
 */
public final class ChunkChecksums {
  private final int[] values;

  private ChunkChecksums(int[] values) {
    this.values = values;
  }

  public static ChunkChecksums of(int... values) {
    return new ChunkChecksums(values.clone());
  }

  /** Computes the checksums of {@code data} cut into chunks of {@code chunkSize} bytes. */
  public static ChunkChecksums compute(ByteBuffer data, int chunkSize) {
    ByteBuffer view = data.duplicate();
    int count = (view.remaining() + chunkSize - 1) / chunkSize;
    int[] crcs = new int[count];
    CRC32C crc = new CRC32C();
    for (int i = 0; i < count; i++) {
      int len = Math.min(chunkSize, view.remaining());
      ByteBuffer chunk = view.slice(view.position(), len);
      crc.reset();
      crc.update(chunk);
      crcs[i] = (int) crc.getValue();
      view.position(view.position() + len);
    }
    return new ChunkChecksums(crcs);
  }

  public static ChunkChecksums fromBase64(String wire) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(wire);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("chunk checksums are not valid base64", e);
    }
    if (raw.length % 4 != 0) {
      throw new IllegalArgumentException("chunk checksums must be a multiple of 4 bytes");
    }
    ByteBuffer buf = ByteBuffer.wrap(raw);
    int[] crcs = new int[raw.length / 4];
    for (int i = 0; i < crcs.length; i++) {
      crcs[i] = buf.getInt();
    }
    return new ChunkChecksums(crcs);
  }

  public String toBase64() {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4);
    for (int v : values) {
      buf.putInt(v);
    }
    return Base64.getEncoder().encodeToString(buf.array());
  }

  public int count() {
    return values.length;
  }

  public int get(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkChecksums other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "ChunkChecksums[" + values.length + " chunks]";
  }
}
