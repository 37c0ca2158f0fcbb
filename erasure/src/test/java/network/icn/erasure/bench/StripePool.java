package network.icn.erasure.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import network.icn.erasure.stripe.ChunkSlots;

/**
 * Stripes of k+m shard buffers, with at least {@link #MIN_DATA_BYTES} of random data in total, so a
 * benchmark that walks them in turn streams its inputs from memory, not from cache.
 */
final class StripePool {

  /** At least this many bytes of data shards (96 MiB), far beyond any last-level cache here. */
  static final long MIN_DATA_BYTES = 96L << 20;

  private final ByteBuffer[][] stripes;
  private final byte[][][] arrays;
  private int next;

  private StripePool(ByteBuffer[][] stripes, byte[][][] arrays) {
    this.stripes = stripes;
    this.arrays = arrays;
  }

  /**
   * @param memory {@code direct} (direct ByteBuffers, each its own allocation, which malloc places
   *     16 bytes apart modulo 4 KiB), {@code aligned} (direct, each 64-byte aligned), {@code
   *     stagger} (direct, shard i at 320·i bytes past a page boundary: streams in different L1
   *     sets), {@code heap} (heap ByteBuffers) or {@code array} (byte[] shards, for the byte[][]
   *     API)
   */
  static StripePool create(int k, int m, int chunk, String memory, long seed) {
    return create(k, m, chunk, memory, false, seed);
  }

  /**
   * @param reuseParity when true every stripe shares stripe 0's parity buffers, as a streaming
   *     encoder that recycles one set of parity buffers does; the data still rotates
   */
  static StripePool create(int k, int m, int chunk, String memory, boolean reuseParity, long seed) {
    return create(k, m, chunk, memory, reuseParity, ChunkSlots.STAGGER, seed);
  }

  /**
   * @param memory also {@code encoder}: the StripeEncoder's own layout, {@link ChunkSlots}: per
   *     stripe one heap buffer for the k data chunks and one for the m parity chunks, chunk i
   *     (data, then parity) at i·{@code stagger} bytes modulo 4 KiB
   * @param stagger the padding between chunks of the {@code encoder} layout (the encoder uses
   *     {@link ChunkSlots#STAGGER}); ignored by the other layouts
   */
  static StripePool create(
      int k, int m, int chunk, String memory, boolean reuseParity, int stagger, long seed) {
    long stripeData = (long) k * chunk;
    int count = (int) ((MIN_DATA_BYTES + stripeData - 1) / stripeData);
    SplittableRandom rng = new SplittableRandom(seed);
    ByteBuffer[][] stripes = new ByteBuffer[count][k + m];
    byte[][][] arrays = new byte[count][k + m][];
    byte[] fill = new byte[chunk];
    for (int s = 0; s < count; s++) {
      ChunkSlots data = null;
      ChunkSlots parity = null;
      if ("encoder".equals(memory)) {
        data = new ChunkSlots(k, chunk, 0, stagger);
        parity = reuseParity && s > 0 ? null : new ChunkSlots(m, chunk, k, stagger);
      }
      for (int i = 0; i < k + m; i++) {
        if (reuseParity && s > 0 && i >= k) {
          stripes[s][i] = stripes[0][i];
          arrays[s][i] = arrays[0][i];
          continue;
        }
        rng.nextBytes(fill);
        switch (memory) {
          case "direct" -> stripes[s][i] = ByteBuffer.allocateDirect(chunk).put(0, fill);
          case "aligned" ->
              stripes[s][i] =
                  ByteBuffer.allocateDirect(chunk + 4096)
                      .alignedSlice(64)
                      .slice(0, chunk)
                      .put(0, fill);
          case "stagger" ->
              stripes[s][i] =
                  ByteBuffer.allocateDirect(chunk + 8192)
                      .alignedSlice(4096)
                      .slice(i * 320, chunk)
                      .put(0, fill);
          case "encoder" ->
              stripes[s][i] =
                  (i < k ? data.chunk(i, chunk) : parity.chunk(i - k, chunk)).put(0, fill);
          case "heap" -> stripes[s][i] = ByteBuffer.allocate(chunk).put(0, fill);
          case "array" -> arrays[s][i] = fill.clone();
          default ->
              throw new IllegalArgumentException(
                  "memory must be encoder|direct|aligned|stagger|heap|array");
        }
      }
    }
    return new StripePool(stripes, arrays);
  }

  int size() {
    return stripes.length;
  }

  ByteBuffer[] nextBuffers() {
    ByteBuffer[] s = stripes[next];
    next = next + 1 == stripes.length ? 0 : next + 1;
    return s;
  }

  byte[][] nextArrays() {
    byte[][] s = arrays[next];
    next = next + 1 == arrays.length ? 0 : next + 1;
    return s;
  }

  ByteBuffer[] buffers(int index) {
    return stripes[index];
  }

  byte[][] arrays(int index) {
    return arrays[index];
  }
}
