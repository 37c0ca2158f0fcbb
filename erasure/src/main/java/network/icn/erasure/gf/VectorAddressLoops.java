package network.icn.erasure.gf;

import static network.icn.erasure.gf.VectorKernel.GROUP;
import static network.icn.erasure.gf.VectorKernel.ORDER;
import static network.icn.erasure.gf.VectorKernel.SPECIES;
import static network.icn.erasure.gf.VectorKernel.STEP;
import static network.icn.erasure.gf.VectorKernel.VLEN;
import static network.icn.erasure.gf.VectorKernel.high;
import static network.icn.erasure.gf.VectorKernel.low;
import static network.icn.erasure.gf.VectorKernel.mulAdd;
import static network.icn.erasure.gf.VectorKernel.tab;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.ByteVector;

/**
 * The {@link VectorKernel} loops over native memory given as absolute addresses, all accessed
 * through the one segment {@link NativeMemory#ALL} (direct ByteBuffers). With a single
 * loop-invariant segment C2 has nothing to re-check per input; see {@link NativeMemory} for why the
 * addresses are safe to use.
 */
final class VectorAddressLoops {

  private final int inputs;
  private final int outputs;
  private final byte[] tables;
  private final int[] scalarBase;
  private final int block;
  private final byte[] mul = Gf256.sharedMulTable();

  private static final MemorySegment ALL = NativeMemory.ALL;

  /** Shares (never copies, never writes) the prepared tables of a {@link VectorKernel.Coder}. */
  VectorAddressLoops(int inputs, int outputs, byte[] tables, int[] scalarBase, int block) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.tables = tables;
    this.scalarBase = scalarBase;
    this.block = block;
  }

  /**
   * Input i is read at {@code inBase[i] + inPos + p} and output j written at {@code outBase[j] +
   * outPos + p}, for p in {@code [0, n)}.
   */
  void run(long[] inBase, long inPos, long[] outBase, long outPos, int n) {
    if (n < STEP) {
      scalar(inBase, inPos, outBase, outPos, n);
      return;
    }
    int whole = n - n % STEP;
    for (int start = 0; start < whole; start += block) {
      int count = Math.min(block, whole - start);
      for (int g = 0; g < outputs; g += GROUP) {
        group(inBase, inPos + start, outBase, outPos + start, count, g);
      }
    }
    if (whole < n) {
      for (int g = 0; g < outputs; g += GROUP) {
        group(inBase, inPos + n - STEP, outBase, outPos + n - STEP, STEP, g);
      }
    }
  }

  private void group(long[] inBase, long inPos, long[] outBase, long outPos, int count, int g) {
    long q = outPos;
    switch (Math.min(GROUP, outputs - g)) {
      case 1 -> group1(inBase, inPos, outBase[g] + q, count, g);
      case 2 -> group2(inBase, inPos, outBase[g] + q, outBase[g + 1] + q, count, g);
      case 3 ->
          group3(inBase, inPos, outBase[g] + q, outBase[g + 1] + q, outBase[g + 2] + q, count, g);
      default ->
          group4(
              inBase,
              inPos,
              outBase[g] + q,
              outBase[g + 1] + q,
              outBase[g + 2] + q,
              outBase[g + 3] + q,
              count,
              g);
    }
  }

  private void group1(long[] inBase, long inPos, long q0, int count, int g) {
    final byte[] t = tables;
    final int k = inputs;
    final int row = k * 2 * VLEN;
    final int t0 = g * row;
    for (int p = 0; p < count; p += STEP) {
      ByteVector a0 = ByteVector.zero(SPECIES);
      ByteVector b0 = a0;
      final long at = inPos + p;
      for (int i = 0, ti = 0; i < k; i++, ti += 2 * VLEN) {
        final long s = inBase[i] + at;
        ByteVector v = ByteVector.fromMemorySegment(SPECIES, ALL, s, ORDER);
        ByteVector w = ByteVector.fromMemorySegment(SPECIES, ALL, s + VLEN, ORDER);
        ByteVector vl = low(v);
        ByteVector vh = high(v);
        ByteVector wl = low(w);
        ByteVector wh = high(w);
        ByteVector l0 = tab(t, t0 + ti);
        ByteVector h0 = tab(t, t0 + ti + VLEN);
        a0 = mulAdd(a0, vl, vh, l0, h0);
        b0 = mulAdd(b0, wl, wh, l0, h0);
      }
      a0.intoMemorySegment(ALL, q0 + p, ORDER);
      b0.intoMemorySegment(ALL, q0 + p + VLEN, ORDER);
    }
  }

  private void group2(long[] inBase, long inPos, long q0, long q1, int count, int g) {
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
        final long s = inBase[i] + at;
        ByteVector v = ByteVector.fromMemorySegment(SPECIES, ALL, s, ORDER);
        ByteVector w = ByteVector.fromMemorySegment(SPECIES, ALL, s + VLEN, ORDER);
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
      a0.intoMemorySegment(ALL, q0 + p, ORDER);
      b0.intoMemorySegment(ALL, q0 + p + VLEN, ORDER);
      a1.intoMemorySegment(ALL, q1 + p, ORDER);
      b1.intoMemorySegment(ALL, q1 + p + VLEN, ORDER);
    }
  }

  private void group3(long[] inBase, long inPos, long q0, long q1, long q2, int count, int g) {
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
        final long s = inBase[i] + at;
        ByteVector v = ByteVector.fromMemorySegment(SPECIES, ALL, s, ORDER);
        ByteVector w = ByteVector.fromMemorySegment(SPECIES, ALL, s + VLEN, ORDER);
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
      a0.intoMemorySegment(ALL, q0 + p, ORDER);
      b0.intoMemorySegment(ALL, q0 + p + VLEN, ORDER);
      a1.intoMemorySegment(ALL, q1 + p, ORDER);
      b1.intoMemorySegment(ALL, q1 + p + VLEN, ORDER);
      a2.intoMemorySegment(ALL, q2 + p, ORDER);
      b2.intoMemorySegment(ALL, q2 + p + VLEN, ORDER);
    }
  }

  private void group4(
      long[] inBase, long inPos, long q0, long q1, long q2, long q3, int count, int g) {
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
        final long s = inBase[i] + at;
        ByteVector v = ByteVector.fromMemorySegment(SPECIES, ALL, s, ORDER);
        ByteVector w = ByteVector.fromMemorySegment(SPECIES, ALL, s + VLEN, ORDER);
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
      a0.intoMemorySegment(ALL, q0 + p, ORDER);
      b0.intoMemorySegment(ALL, q0 + p + VLEN, ORDER);
      a1.intoMemorySegment(ALL, q1 + p, ORDER);
      b1.intoMemorySegment(ALL, q1 + p + VLEN, ORDER);
      a2.intoMemorySegment(ALL, q2 + p, ORDER);
      b2.intoMemorySegment(ALL, q2 + p + VLEN, ORDER);
      a3.intoMemorySegment(ALL, q3 + p, ORDER);
      b3.intoMemorySegment(ALL, q3 + p + VLEN, ORDER);
    }
  }

  private void scalar(long[] inBase, long inPos, long[] outBase, long outPos, int n) {
    for (int j = 0; j < outputs; j++) {
      long q = outBase[j] + outPos;
      for (int p = 0; p < n; p++) {
        int sum = 0;
        for (int i = 0; i < inputs; i++) {
          byte b = ALL.get(ValueLayout.JAVA_BYTE, inBase[i] + inPos + p);
          sum ^= mul[scalarBase[j * inputs + i] | (b & 0xFF)];
        }
        ALL.set(ValueLayout.JAVA_BYTE, q + p, (byte) sum);
      }
    }
  }
}
