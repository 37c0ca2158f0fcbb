package network.icn.erasure.gf;

import static network.icn.erasure.gf.VectorKernel.GROUP;
import static network.icn.erasure.gf.VectorKernel.SPECIES;
import static network.icn.erasure.gf.VectorKernel.STEP;
import static network.icn.erasure.gf.VectorKernel.VLEN;
import static network.icn.erasure.gf.VectorKernel.high;
import static network.icn.erasure.gf.VectorKernel.low;
import static network.icn.erasure.gf.VectorKernel.mulAdd;
import static network.icn.erasure.gf.VectorKernel.tab;

import jdk.incubator.vector.ByteVector;

/**
 * The {@link VectorKernel} loops over {@code byte[]} shards, each read or written at its own base
 * offset (0 for byte[] shards, the array offset for heap ByteBuffers).
 */
final class VectorArrayLoops {

  private final int inputs;
  private final int outputs;
  private final byte[] tables;
  private final int[] scalarBase;
  private final int block;
  private final byte[] mul = Gf256.sharedMulTable();

  /** Shares (never copies, never writes) the prepared tables of a {@link VectorKernel.Coder}. */
  VectorArrayLoops(int inputs, int outputs, byte[] tables, int[] scalarBase, int block) {
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
  void run(byte[][] in, int[] inBase, int inPos, byte[][] out, int[] outBase, int outPos, int n) {
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
              in, inBase, inPos, out[g], outBase[g] + q, out[g + 1], outBase[g + 1] + q, count, g);
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
}
