package network.icn.erasure.gf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * fromArray}/{@code intoArray} with a base offset per shard (a buffer's array offset). Anything
 * else (direct or read-only buffers) goes through {@link MemorySegment#ofBuffer}.
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

  private static final ByteOrder ORDER = ByteOrder.nativeOrder();

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

    private final byte[] mul = Gf256.sharedMulTable();
    private final int block;

    /** All-zero base offsets for byte[] shards (never written). */
    private final int[] zeroIn;

    private final int[] zeroOut;

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
      this.block =
          outputs <= GROUP ? Integer.MAX_VALUE : Math.max(STEP, perInput - perInput % STEP);
      this.zeroIn = new int[inputs];
      this.zeroOut = new int[outputs];
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
      run(in, zeroIn, offset, out, zeroOut, offset, length);
    }

    @Override
    public boolean matches(byte[][] in, byte[][] expected, int offset, int length) {
      int chunk = Math.min(length, CHECK_CHUNK);
      byte[][] scratch = new byte[outputs][chunk];
      for (int start = offset; start < offset + length; start += chunk) {
        int n = Math.min(chunk, offset + length - start);
        run(in, zeroIn, start, scratch, zeroOut, 0, n);
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
        run(arrays(in), arrayOffsets(in), offset, arrays(out), arrayOffsets(out), offset, length);
      } else {
        run(segments(in), offset, segments(out), offset, length);
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
        run(src, start, scratch, 0, n);
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

    // ------------------------------------------------------------------ byte[] kernel

    /**
     * Input i is read at {@code inBase[i] + inPos + p} and output j written at {@code outBase[j] +
     * outPos + p}, for p in {@code [0, n)}.
     */
    private void run(
        byte[][] in, int[] inBase, int inPos, byte[][] out, int[] outBase, int outPos, int n) {
      if (n < STEP) {
        scalar(in, inBase, inPos, out, outBase, outPos, n);
        return;
      }
      int whole = n - n % STEP;
      for (int start = 0; start < whole; start += block) {
        int count = Math.min(block, whole - start);
        for (int g = 0; g < outputs; g += GROUP) {
          group(in, inBase, inPos + start, out, outBase, outPos + start, count, g);
        }
      }
      if (whole < n) {
        for (int g = 0; g < outputs; g += GROUP) {
          group(in, inBase, inPos + n - STEP, out, outBase, outPos + n - STEP, STEP, g);
        }
      }
    }

    private void group(
        byte[][] in,
        int[] inBase,
        int inPos,
        byte[][] out,
        int[] outBase,
        int outPos,
        int count,
        int g) {
      int q = outPos;
      switch (Math.min(GROUP, outputs - g)) {
        case 1 -> group1(in, inBase, inPos, out[g], outBase[g] + q, count, g);
        case 2 ->
            group2(
                in,
                inBase,
                inPos,
                out[g],
                outBase[g] + q,
                out[g + 1],
                outBase[g + 1] + q,
                count,
                g);
        case 3 ->
            group3(
                in,
                inBase,
                inPos,
                out[g],
                outBase[g] + q,
                out[g + 1],
                outBase[g + 1] + q,
                out[g + 2],
                outBase[g + 2] + q,
                count,
                g);
        default ->
            group4(
                in,
                inBase,
                inPos,
                out[g],
                outBase[g] + q,
                out[g + 1],
                outBase[g + 1] + q,
                out[g + 2],
                outBase[g + 2] + q,
                out[g + 3],
                outBase[g + 3] + q,
                count,
                g);
      }
    }

    private void group1(byte[][] in, int[] inBase, int inPos, byte[] o0, int q0, int count, int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        final int at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final byte[] src = in[i];
          final int s = inBase[i] + at;
          ByteVector v = ByteVector.fromArray(SPECIES, src, s);
          ByteVector w = ByteVector.fromArray(SPECIES, src, s + VLEN);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
        }
        a0.intoArray(o0, q0 + p);
        b0.intoArray(o0, q0 + p + VLEN);
      }
    }

    private void group2(
        byte[][] in,
        int[] inBase,
        int inPos,
        byte[] o0,
        int q0,
        byte[] o1,
        int q1,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        final int at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final byte[] src = in[i];
          final int s = inBase[i] + at;
          ByteVector v = ByteVector.fromArray(SPECIES, src, s);
          ByteVector w = ByteVector.fromArray(SPECIES, src, s + VLEN);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
        }
        a0.intoArray(o0, q0 + p);
        b0.intoArray(o0, q0 + p + VLEN);
        a1.intoArray(o1, q1 + p);
        b1.intoArray(o1, q1 + p + VLEN);
      }
    }

    private void group3(
        byte[][] in,
        int[] inBase,
        int inPos,
        byte[] o0,
        int q0,
        byte[] o1,
        int q1,
        byte[] o2,
        int q2,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      final int t2 = t1 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        ByteVector a2 = a0;
        ByteVector b2 = a0;
        final int at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final byte[] src = in[i];
          final int s = inBase[i] + at;
          ByteVector v = ByteVector.fromArray(SPECIES, src, s);
          ByteVector w = ByteVector.fromArray(SPECIES, src, s + VLEN);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
          ByteVector l2 = tab(t, t2 + ti);
          ByteVector h2 = tab(t, t2 + ti + VLEN);
          a2 = mulAdd(a2, vl, vh, l2, h2);
          b2 = mulAdd(b2, wl, wh, l2, h2);
        }
        a0.intoArray(o0, q0 + p);
        b0.intoArray(o0, q0 + p + VLEN);
        a1.intoArray(o1, q1 + p);
        b1.intoArray(o1, q1 + p + VLEN);
        a2.intoArray(o2, q2 + p);
        b2.intoArray(o2, q2 + p + VLEN);
      }
    }

    private void group4(
        byte[][] in,
        int[] inBase,
        int inPos,
        byte[] o0,
        int q0,
        byte[] o1,
        int q1,
        byte[] o2,
        int q2,
        byte[] o3,
        int q3,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      final int t2 = t1 + row;
      final int t3 = t2 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        ByteVector a2 = a0;
        ByteVector b2 = a0;
        ByteVector a3 = a0;
        ByteVector b3 = a0;
        final int at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final byte[] src = in[i];
          final int s = inBase[i] + at;
          ByteVector v = ByteVector.fromArray(SPECIES, src, s);
          ByteVector w = ByteVector.fromArray(SPECIES, src, s + VLEN);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
          ByteVector l2 = tab(t, t2 + ti);
          ByteVector h2 = tab(t, t2 + ti + VLEN);
          a2 = mulAdd(a2, vl, vh, l2, h2);
          b2 = mulAdd(b2, wl, wh, l2, h2);
          ByteVector l3 = tab(t, t3 + ti);
          ByteVector h3 = tab(t, t3 + ti + VLEN);
          a3 = mulAdd(a3, vl, vh, l3, h3);
          b3 = mulAdd(b3, wl, wh, l3, h3);
        }
        a0.intoArray(o0, q0 + p);
        b0.intoArray(o0, q0 + p + VLEN);
        a1.intoArray(o1, q1 + p);
        b1.intoArray(o1, q1 + p + VLEN);
        a2.intoArray(o2, q2 + p);
        b2.intoArray(o2, q2 + p + VLEN);
        a3.intoArray(o3, q3 + p);
        b3.intoArray(o3, q3 + p + VLEN);
      }
    }

    private void scalar(
        byte[][] in, int[] inBase, int inPos, byte[][] out, int[] outBase, int outPos, int n) {
      for (int j = 0; j < outputs; j++) {
        byte[] o = out[j];
        int q = outBase[j] + outPos;
        for (int p = 0; p < n; p++) {
          int sum = 0;
          for (int i = 0; i < inputs; i++) {
            sum ^= mul[scalarBase[j * inputs + i] | (in[i][inBase[i] + inPos + p] & 0xFF)];
          }
          o[q + p] = (byte) sum;
        }
      }
    }

    // ------------------------------------------------------------------ MemorySegment kernel

    private void run(MemorySegment[] in, long inPos, MemorySegment[] out, long outPos, int n) {
      if (n < STEP) {
        scalar(in, inPos, out, outPos, n);
        return;
      }
      int whole = n - n % STEP;
      for (int start = 0; start < whole; start += block) {
        int count = Math.min(block, whole - start);
        for (int g = 0; g < outputs; g += GROUP) {
          group(in, inPos + start, out, outPos + start, count, g);
        }
      }
      if (whole < n) {
        for (int g = 0; g < outputs; g += GROUP) {
          group(in, inPos + n - STEP, out, outPos + n - STEP, STEP, g);
        }
      }
    }

    private void group(
        MemorySegment[] in, long inPos, MemorySegment[] out, long outPos, int count, int g) {
      switch (Math.min(GROUP, outputs - g)) {
        case 1 -> group1(in, inPos, out[g], outPos, count, g);
        case 2 -> group2(in, inPos, out[g], out[g + 1], outPos, count, g);
        case 3 -> group3(in, inPos, out[g], out[g + 1], out[g + 2], outPos, count, g);
        default -> group4(in, inPos, out[g], out[g + 1], out[g + 2], out[g + 3], outPos, count, g);
      }
    }

    private void group1(
        MemorySegment[] in, long inPos, MemorySegment o0, long outPos, int count, int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        final long at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final MemorySegment src = in[i];
          ByteVector v = ByteVector.fromMemorySegment(SPECIES, src, at, ORDER);
          ByteVector w = ByteVector.fromMemorySegment(SPECIES, src, at + VLEN, ORDER);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
        }
        a0.intoMemorySegment(o0, outPos + p, ORDER);
        b0.intoMemorySegment(o0, outPos + p + VLEN, ORDER);
      }
    }

    private void group2(
        MemorySegment[] in,
        long inPos,
        MemorySegment o0,
        MemorySegment o1,
        long outPos,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        final long at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final MemorySegment src = in[i];
          ByteVector v = ByteVector.fromMemorySegment(SPECIES, src, at, ORDER);
          ByteVector w = ByteVector.fromMemorySegment(SPECIES, src, at + VLEN, ORDER);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
        }
        a0.intoMemorySegment(o0, outPos + p, ORDER);
        b0.intoMemorySegment(o0, outPos + p + VLEN, ORDER);
        a1.intoMemorySegment(o1, outPos + p, ORDER);
        b1.intoMemorySegment(o1, outPos + p + VLEN, ORDER);
      }
    }

    private void group3(
        MemorySegment[] in,
        long inPos,
        MemorySegment o0,
        MemorySegment o1,
        MemorySegment o2,
        long outPos,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      final int t2 = t1 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        ByteVector a2 = a0;
        ByteVector b2 = a0;
        final long at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final MemorySegment src = in[i];
          ByteVector v = ByteVector.fromMemorySegment(SPECIES, src, at, ORDER);
          ByteVector w = ByteVector.fromMemorySegment(SPECIES, src, at + VLEN, ORDER);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
          ByteVector l2 = tab(t, t2 + ti);
          ByteVector h2 = tab(t, t2 + ti + VLEN);
          a2 = mulAdd(a2, vl, vh, l2, h2);
          b2 = mulAdd(b2, wl, wh, l2, h2);
        }
        a0.intoMemorySegment(o0, outPos + p, ORDER);
        b0.intoMemorySegment(o0, outPos + p + VLEN, ORDER);
        a1.intoMemorySegment(o1, outPos + p, ORDER);
        b1.intoMemorySegment(o1, outPos + p + VLEN, ORDER);
        a2.intoMemorySegment(o2, outPos + p, ORDER);
        b2.intoMemorySegment(o2, outPos + p + VLEN, ORDER);
      }
    }

    private void group4(
        MemorySegment[] in,
        long inPos,
        MemorySegment o0,
        MemorySegment o1,
        MemorySegment o2,
        MemorySegment o3,
        long outPos,
        int count,
        int g) {
      final byte[] t = tables;
      final int k = inputs;
      final int row = k * 2 * VLEN;
      final int t0 = g * row;
      final int t1 = t0 + row;
      final int t2 = t1 + row;
      final int t3 = t2 + row;
      for (int p = 0; p < count; p += STEP) {
        ByteVector a0 = ByteVector.zero(SPECIES);
        ByteVector b0 = a0;
        ByteVector a1 = a0;
        ByteVector b1 = a0;
        ByteVector a2 = a0;
        ByteVector b2 = a0;
        ByteVector a3 = a0;
        ByteVector b3 = a0;
        final long at = inPos + p;
        for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
          final MemorySegment src = in[i];
          ByteVector v = ByteVector.fromMemorySegment(SPECIES, src, at, ORDER);
          ByteVector w = ByteVector.fromMemorySegment(SPECIES, src, at + VLEN, ORDER);
          ByteVector vl = low(v);
          ByteVector vh = high(v);
          ByteVector wl = low(w);
          ByteVector wh = high(w);
          ByteVector l0 = tab(t, t0 + ti);
          ByteVector h0 = tab(t, t0 + ti + VLEN);
          a0 = mulAdd(a0, vl, vh, l0, h0);
          b0 = mulAdd(b0, wl, wh, l0, h0);
          ByteVector l1 = tab(t, t1 + ti);
          ByteVector h1 = tab(t, t1 + ti + VLEN);
          a1 = mulAdd(a1, vl, vh, l1, h1);
          b1 = mulAdd(b1, wl, wh, l1, h1);
          ByteVector l2 = tab(t, t2 + ti);
          ByteVector h2 = tab(t, t2 + ti + VLEN);
          a2 = mulAdd(a2, vl, vh, l2, h2);
          b2 = mulAdd(b2, wl, wh, l2, h2);
          ByteVector l3 = tab(t, t3 + ti);
          ByteVector h3 = tab(t, t3 + ti + VLEN);
          a3 = mulAdd(a3, vl, vh, l3, h3);
          b3 = mulAdd(b3, wl, wh, l3, h3);
        }
        a0.intoMemorySegment(o0, outPos + p, ORDER);
        b0.intoMemorySegment(o0, outPos + p + VLEN, ORDER);
        a1.intoMemorySegment(o1, outPos + p, ORDER);
        b1.intoMemorySegment(o1, outPos + p + VLEN, ORDER);
        a2.intoMemorySegment(o2, outPos + p, ORDER);
        b2.intoMemorySegment(o2, outPos + p + VLEN, ORDER);
        a3.intoMemorySegment(o3, outPos + p, ORDER);
        b3.intoMemorySegment(o3, outPos + p + VLEN, ORDER);
      }
    }

    private void scalar(MemorySegment[] in, long inPos, MemorySegment[] out, long outPos, int n) {
      for (int j = 0; j < outputs; j++) {
        MemorySegment o = out[j];
        for (int p = 0; p < n; p++) {
          int sum = 0;
          for (int i = 0; i < inputs; i++) {
            byte b = in[i].get(ValueLayout.JAVA_BYTE, inPos + p);
            sum ^= mul[scalarBase[j * inputs + i] | (b & 0xFF)];
          }
          o.set(ValueLayout.JAVA_BYTE, outPos + p, (byte) sum);
        }
      }
    }
  }

  // -------------------------------------------------------------------- primitives

  /** The table vector at {@code offset} of {@code t}. */
  private static ByteVector tab(byte[] t, int offset) {
    return ByteVector.fromArray(SPECIES, t, offset);
  }

  /** The low nibble of every byte, in 0..15. */
  private static ByteVector low(ByteVector v) {
    return v.and((byte) 0x0F);
  }

  /** The high nibble of every byte, in 0..15 (a 64-bit shift, then mask: x86 has no byte shift). */
  private static ByteVector high(ByteVector v) {
    return v.reinterpretAsLongs()
        .lanewise(VectorOperators.LSHR, 4)
        .reinterpretAsBytes()
        .and((byte) 0x0F);
  }

  /** acc ^ c*x, with x given as its nibbles and c as its two nibble tables. */
  private static ByteVector mulAdd(
      ByteVector acc, ByteVector lo, ByteVector hi, ByteVector loTable, ByteVector hiTable) {
    return acc.lanewise(VectorOperators.XOR, lo.selectFrom(loTable))
        .lanewise(VectorOperators.XOR, hi.selectFrom(hiTable));
  }
}
