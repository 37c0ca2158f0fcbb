package network.icn.erasure.gf;

import java.nio.ByteBuffer;

/**
 * The scalar reference kernel: one lookup in the 64 KiB product table per byte and coefficient.
 * Simple enough to be obviously right; the Vector API kernel is checked against it.
 */
public final class ScalarKernel implements GfKernel {

  private static final ScalarKernel INSTANCE = new ScalarKernel();

  /** Bytes compared per block by {@link Coder#matches}. */
  private static final int CHECK_BLOCK = 1024;

  private ScalarKernel() {}

  /** The shared, stateless instance. */
  public static ScalarKernel instance() {
    return INSTANCE;
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int bytesPerCoefficient() {
    return Integer.BYTES;
  }

  @Override
  public MatrixCoder prepare(GfMatrix coefficients) {
    return new Coder(coefficients);
  }

  /** A coefficient matrix as offsets into the product table. */
  static final class Coder implements MatrixCoder {
    private final byte[] mul = Gf256.sharedMulTable();
    private final int inputs;
    private final int[][] rowBase; // [output][input] = coef << 8

    Coder(GfMatrix coefficients) {
      this.inputs = coefficients.cols();
      this.rowBase = new int[coefficients.rows()][inputs];
      for (int j = 0; j < rowBase.length; j++) {
        for (int i = 0; i < inputs; i++) {
          rowBase[j][i] = coefficients.get(j, i) << 8;
        }
      }
    }

    @Override
    public int inputCount() {
      return inputs;
    }

    @Override
    public int outputCount() {
      return rowBase.length;
    }

    @Override
    public void apply(byte[][] in, byte[][] out, int offset, int length) {
      int end = offset + length;
      for (int j = 0; j < rowBase.length; j++) {
        int[] bases = rowBase[j];
        byte[] o = out[j];
        byte[] first = in[0];
        int base = bases[0];
        for (int p = offset; p < end; p++) {
          o[p] = mul[base | (first[p] & 0xFF)];
        }
        for (int i = 1; i < inputs; i++) {
          byte[] src = in[i];
          int b = bases[i];
          for (int p = offset; p < end; p++) {
            o[p] ^= mul[b | (src[p] & 0xFF)];
          }
        }
      }
    }

    @Override
    public void apply(ByteBuffer[] in, ByteBuffer[] out, int offset, int length) {
      int end = offset + length;
      for (int j = 0; j < rowBase.length; j++) {
        int[] bases = rowBase[j];
        ByteBuffer o = out[j];
        ByteBuffer first = in[0];
        int base = bases[0];
        for (int p = offset; p < end; p++) {
          o.put(p, mul[base | (first.get(p) & 0xFF)]);
        }
        for (int i = 1; i < inputs; i++) {
          ByteBuffer src = in[i];
          int b = bases[i];
          for (int p = offset; p < end; p++) {
            o.put(p, (byte) (o.get(p) ^ mul[b | (src.get(p) & 0xFF)]));
          }
        }
      }
    }

    @Override
    public boolean matches(byte[][] in, byte[][] expected, int offset, int length) {
      byte[] scratch = new byte[Math.min(CHECK_BLOCK, Math.max(length, 1))];
      for (int start = offset; start < offset + length; start += scratch.length) {
        int n = Math.min(scratch.length, offset + length - start);
        for (int j = 0; j < rowBase.length; j++) {
          computeRow(j, in, start, n, scratch);
          byte[] e = expected[j];
          for (int p = 0; p < n; p++) {
            if (scratch[p] != e[start + p]) {
              return false;
            }
          }
        }
      }
      return true;
    }

    private void computeRow(int j, byte[][] in, int start, int n, byte[] scratch) {
      int[] bases = rowBase[j];
      for (int p = 0; p < n; p++) {
        scratch[p] = mul[bases[0] | (in[0][start + p] & 0xFF)];
      }
      for (int i = 1; i < inputs; i++) {
        byte[] src = in[i];
        int b = bases[i];
        for (int p = 0; p < n; p++) {
          scratch[p] ^= mul[b | (src[start + p] & 0xFF)];
        }
      }
    }

    @Override
    public boolean matches(ByteBuffer[] in, ByteBuffer[] expected, int offset, int length) {
      int end = offset + length;
      for (int p = offset; p < end; p++) {
        for (int j = 0; j < rowBase.length; j++) {
          int[] bases = rowBase[j];
          int sum = 0;
          for (int i = 0; i < inputs; i++) {
            sum ^= mul[bases[i] | (in[i].get(p) & 0xFF)];
          }
          if ((byte) sum != expected[j].get(p)) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
