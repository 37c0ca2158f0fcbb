package network.icn.erasure.stripe;

import java.nio.ByteBuffer;

/**
 * Heap memory for a set of chunks that the codec reads or writes together, laid out so that their
 * streams do not share L1 sets: chunk {@code i} starts at {@code lead + i * (chunkSize + STAGGER)}.
 *
 * <p>Chunk sizes are multiples of 4 KiB, so without padding every chunk of a stripe would start at
 * the same offset modulo 4 KiB and the k + m streams of an encode would compete for the same few
 * sets of the 8-way L1 ("4K aliasing"). {@link #STAGGER} bytes of padding after each chunk put
 * chunk {@code i} at {@code i * STAGGER} modulo 4 KiB instead: pairwise different for up to 64
 * chunks. A second set (the parity after the data) continues the sequence through its {@code lead}:
 * with {@code firstIndex = k}, its chunk {@code j} sits where chunk {@code k + j} of one common
 * buffer would, modulo 4 KiB. That holds for the addresses, not only the array offsets, when both
 * arrays start at the same offset modulo 4 KiB, as G1 places large (humongous) arrays: at a region
 * boundary. Small sets fit in the caches anyway.
 *
 * <p>The padding is the only difference: a chunk's view has exactly the chunk's length. Public so
 * that the codec benchmark measures the layout the stripe layer uses.
 */
public final class ChunkSlots {

  /**
   * Padding after each chunk, in bytes: a multiple of 64 (whole cache lines) with an odd factor, so
   * the 4 KiB offsets {@code i * STAGGER} repeat only after 64 chunks, and larger than one step of
   * the vector kernel (128 bytes), so neighbouring streams do not overlap within a step. Chosen by
   * measurement (erasure/README.md, "Codec benchmark").
   */
  public static final int STAGGER = 320;

  private static final int PAGE = 4096;

  private final ByteBuffer memory;
  private final int lead;
  private final int slot;

  /**
   * Memory for {@code count} chunks of at most {@code chunkSize} bytes.
   *
   * @param firstIndex the index of this set's first chunk in the sequence of offsets; 0 for a set
   *     of its own, k for parity that follows k data chunks
   * @throws ArithmeticException if the memory would exceed {@code Integer.MAX_VALUE} bytes
   */
  public ChunkSlots(int count, int chunkSize, int firstIndex) {
    this(count, chunkSize, firstIndex, STAGGER);
  }

  /**
   * As above with another padding, for measurements only; the stripe layer uses {@link #STAGGER}.
   */
  public ChunkSlots(int count, int chunkSize, int firstIndex, int stagger) {
    if (stagger < 0) {
      throw new IllegalArgumentException("stagger must be >= 0, got " + stagger);
    }
    this.slot = Math.addExact(chunkSize, stagger);
    this.lead = (int) Math.floorMod((long) firstIndex * slot, PAGE);
    this.memory = ByteBuffer.allocate(Math.addExact(lead, Math.multiplyExact(count, slot)));
  }

  /** The whole memory; chunk {@code i} starts at {@link #offset(int) offset(i)}. */
  public ByteBuffer memory() {
    return memory;
  }

  /** Where chunk {@code i} starts in {@link #memory()}. */
  public int offset(int i) {
    return lead + i * slot;
  }

  /** A writable view of chunk {@code i}'s first {@code length} bytes, capacity {@code length}. */
  public ByteBuffer chunk(int i, int length) {
    return memory.slice(offset(i), length);
  }
}
