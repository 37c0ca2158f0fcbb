package network.icn.erasure.gf;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel: split-nibble table multiplication. For each coefficient c two 16-entry
 * tables lo[x] = c*x and hi[x] = c*(x << 4) are precomputed, replicated across the whole vector (so
 * every 128-bit lane holds them, whatever the permute instruction), and a product is {@code lo[v &
 * 15] ^ hi[v >>> 4]} with {@link ByteVector#selectFrom}; indices are always 0..15. On AVX-512 VBMI
 * that compiles to vpermb.
 *
 * <p>Loop shape: each step covers two vector widths ({@link #STEP} bytes); each input is loaded
 * once per step and up to {@value #GROUP} outputs accumulate in registers (two accumulators each),
 * so every table pair loaded serves two vectors. More outputs are done in groups over cache-sized
 * blocks, so the inputs are re-read from cache, not memory. A length that is not a multiple of the
 * step ends with one overlapping step (outputs are a pure function of the inputs, so writing some
 * bytes twice is harmless); ranges shorter than a step fall back to scalar.
 *
 * <p>Memory: {@code byte[]} shards, and heap ByteBuffers that expose their array, go through {@code
 * fromArray}/{@code intoArray} with a base offset per shard (a buffer's array offset). Direct
 * buffers go through one segment over all native memory with absolute addresses ({@link
 * NativeMemory}, {@link VectorAddressLoops}) when that is safe; anything else (read-only heap,
 * arena-backed, mixed heap and direct, or no native access) goes through {@link
 * MemorySegment#ofBuffer}.
 */
public final class VectorKernel implements GfKernel {

  static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
  static final int VLEN = SPECIES.length();

  /** Bytes per loop step: two vectors. */
  static final int STEP = 2 * VLEN;

  /** Outputs accumulated in registers per pass over the inputs. */
  static final int GROUP = 4;

  /** Bytes of all inputs together that one block should stay within (about L2). */
  private static final int BLOCK_BUDGET = 256 << 10;

  /** Bytes per block when {@link Coder#matches} recomputes into scratch. */
  private static final int CHECK_CHUNK = 4096;

  static final ByteOrder ORDER = ByteOrder.nativeOrder();

  private static final VectorKernel INSTANCE = new VectorKernel();

  private VectorKernel() {}

  /**
   * The kernel, if the preferred species is at least 128 bits wide.
   *
   * @throws UnsupportedOperationException if it is narrower
   */
  static VectorKernel instance() {
    if (SPECIES.vectorBitSize() < 128) {
      throw new UnsupportedOperationException(
          "preferred vector species is only " + SPECIES.vectorBitSize() + " bits, need >= 128");
    }
    return INSTANCE;
  }

  @Override
  public String name() {
    return "vector-" + SPECIES.vectorBitSize();
  }

  @Override
  public int bytesPerCoefficient() {
    return 2 * VLEN + Integer.BYTES;
  }

  @Override
  public MatrixCoder prepare(GfMatrix coefficients) {
    return new Coder(coefficients);
  }

  /** A coefficient matrix expanded to vector tables. Immutable after construction. */
  static final class Coder implements MatrixCoder {
    private final int inputs;
    private final int outputs;

    /** For output j, input i: lo table at ((j * inputs + i) * 2) * VLEN, hi table VLEN later. */
    private final byte[] tables;

    /** Coefficients for the scalar path of short ranges, as offsets into the product table. */
    private final int[] scalarBase;

    /** All-zero base offsets for byte[] shards (never written). */
    private final int[] zeroIn;

    private final int[] zeroOut;

    private final VectorArrayLoops arrayLoops;
    private final VectorSegmentLoops segmentLoops;
    private final VectorAddressLoops addressLoops;

    Coder(GfMatrix coefficients) {
      this.inputs = coefficients.cols();
      this.outputs = coefficients.rows();
      this.tables = new byte[outputs * inputs * 2 * VLEN];
      this.scalarBase = new int[outputs * inputs];
      for (int j = 0; j < outputs; j++) {
        for (int i = 0; i < inputs; i++) {
          int c = coefficients.get(j, i);
          int at = (j * inputs + i) * 2 * VLEN;
          for (int lane = 0; lane < VLEN; lane++) {
            int x = lane & 15;
            tables[at + lane] = (byte) Gf256.mul(c, x);
            tables[at + VLEN + lane] = (byte) Gf256.mul(c, x << 4);
          }
          scalarBase[j * inputs + i] = c << 8;
        }
      }
      int perInput = Math.max(VLEN, BLOCK_BUDGET / inputs);
      int block = outputs <= GROUP ? Integer.MAX_VALUE : Math.max(STEP, perInput - perInput % STEP);
      this.zeroIn = new int[inputs];
      this.zeroOut = new int[outputs];
      this.arrayLoops = new VectorArrayLoops(inputs, outputs, tables, scalarBase, block);
      this.segmentLoops = new VectorSegmentLoops(inputs, outputs, tables, scalarBase, block);
      this.addressLoops = new VectorAddressLoops(inputs, outputs, tables, scalarBase, block);
    }

    @Override
    public int inputCount() {
      return inputs;
    }

    @Override
    public int outputCount() {
      return outputs;
    }

    // ------------------------------------------------------------------ entry points

    @Override
    public void apply(byte[][] in, byte[][] out, int offset, int length) {
      arrayLoops.run(in, zeroIn, offset, out, zeroOut, offset, length);
    }

    @Override
    public boolean matches(byte[][] in, byte[][] expected, int offset, int length) {
      int chunk = Math.min(length, CHECK_CHUNK);
      byte[][] scratch = new byte[outputs][chunk];
      for (int start = offset; start < offset + length; start += chunk) {
        int n = Math.min(chunk, offset + length - start);
        arrayLoops.run(in, zeroIn, start, scratch, zeroOut, 0, n);
        for (int j = 0; j < outputs; j++) {
          if (!Arrays.equals(scratch[j], 0, n, expected[j], start, start + n)) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public void apply(ByteBuffer[] in, ByteBuffer[] out, int offset, int length) {
      if (allExposeArrays(in) && allExposeArrays(out)) {
        arrayLoops.run(
            arrays(in), arrayOffsets(in), offset, arrays(out), arrayOffsets(out), offset, length);
        return;
      }
      long[] inAt = NativeMemory.addresses(in, false);
      long[] outAt = inAt == null ? null : NativeMemory.addresses(out, true);
      if (outAt != null) {
        try {
          addressLoops.run(inAt, offset, outAt, offset, length);
        } finally {
          Reference.reachabilityFence(in);
          Reference.reachabilityFence(out);
        }
      } else {
        segmentLoops.run(segments(in), offset, segments(out), offset, length);
      }
    }

    @Override
    public boolean matches(ByteBuffer[] in, ByteBuffer[] expected, int offset, int length) {
      MemorySegment[] src = segments(in);
      MemorySegment[] exp = segments(expected);
      int chunk = Math.min(length, CHECK_CHUNK);
      MemorySegment[] scratch = new MemorySegment[outputs];
      for (int j = 0; j < outputs; j++) {
        scratch[j] = MemorySegment.ofArray(new byte[chunk]);
      }
      for (int start = offset; start < offset + length; start += chunk) {
        int n = Math.min(chunk, offset + length - start);
        segmentLoops.run(src, start, scratch, 0, n);
        for (int j = 0; j < outputs; j++) {
          if (MemorySegment.mismatch(scratch[j], 0, n, exp[j], start, start + n) != -1) {
            return false;
          }
        }
      }
      return true;
    }

    private static boolean allExposeArrays(ByteBuffer[] buffers) {
      for (ByteBuffer b : buffers) {
        if (!b.hasArray()) {
          return false;
        }
      }
      return true;
    }

    private static byte[][] arrays(ByteBuffer[] buffers) {
      byte[][] out = new byte[buffers.length][];
      for (int i = 0; i < buffers.length; i++) {
        out[i] = buffers[i].array();
      }
      return out;
    }

    private static int[] arrayOffsets(ByteBuffer[] buffers) {
      int[] out = new int[buffers.length];
      for (int i = 0; i < buffers.length; i++) {
        out[i] = buffers[i].arrayOffset();
      }
      return out;
    }

    private static MemorySegment[] segments(ByteBuffer[] buffers) {
      MemorySegment[] out = new MemorySegment[buffers.length];
      for (int i = 0; i < buffers.length; i++) {
        out[i] = MemorySegment.ofBuffer(buffers[i]);
      }
      return out;
    }
  }

  // -------------------------------------------------------------------- primitives

  /** The table vector at {@code offset} of {@code t}. */
  static ByteVector tab(byte[] t, int offset) {
    return ByteVector.fromArray(SPECIES, t, offset);
  }

  /** The low nibble of every byte, in 0..15. */
  static ByteVector low(ByteVector v) {
    return v.and((byte) 0x0F);
  }

  /** The high nibble of every byte, in 0..15 (a 64-bit shift, then mask: x86 has no byte shift). */
  static ByteVector high(ByteVector v) {
    return v.reinterpretAsLongs()
        .lanewise(VectorOperators.LSHR, 4)
        .reinterpretAsBytes()
        .and((byte) 0x0F);
  }

  /** acc ^ c*x, with x given as its nibbles and c as its two nibble tables. */
  static ByteVector mulAdd(
      ByteVector acc, ByteVector lo, ByteVector hi, ByteVector loTable, ByteVector hiTable) {
    return acc.lanewise(VectorOperators.XOR, lo.selectFrom(loTable))
        .lanewise(VectorOperators.XOR, hi.selectFrom(hiTable));
  }
}
