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

/** The {@link VectorKernel} loops over memory segments (direct or read-only buffers). */
final class VectorSegmentLoops {

  private final int inputs;
  private final int outputs;
  private final byte[] tables;
  private final int[] scalarBase;
  private final int block;
  private final byte[] mul = Gf256.sharedMulTable();

  /** Shares (never copies, never writes) the prepared tables of a {@link VectorKernel.Coder}. */
  VectorSegmentLoops(int inputs, int outputs, byte[] tables, int[] scalarBase, int block) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.tables = tables;
    this.scalarBase = scalarBase;
    this.block = block;
  }

  void run(MemorySegment[] in, long inPos, MemorySegment[] out, long outPos, int n) {
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
