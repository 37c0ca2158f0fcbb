package network.icn.erasure;

/**
 * An independent, deliberately naive model of the code, used only by tests: GF(2^8) products by
 * shift-and-add modulo 0x11D (no tables), inverses by exhaustive search, and the encoding matrix
 * built straight from its definition (Vandermonde r^c times the inverse of its top square). It
 * shares no code with the production classes.
 */
final class ReferenceCodec {

  private ReferenceCodec() {}

  static int mul(int a, int b) {
    int product = 0;
    int x = a & 0xFF;
    int y = b & 0xFF;
    while (y != 0) {
      if ((y & 1) != 0) {
        product ^= x;
      }
      x <<= 1;
      if ((x & 0x100) != 0) {
        x ^= 0x11D;
      }
      y >>>= 1;
    }
    return product;
  }

  static int inverse(int a) {
    for (int candidate = 1; candidate < 256; candidate++) {
      if (mul(a, candidate) == 1) {
        return candidate;
      }
    }
    throw new ArithmeticException("no inverse of " + a);
  }

  static int pow(int base, int exponent) {
    int result = 1; // 0^0 = 1
    for (int i = 0; i < exponent; i++) {
      result = mul(result, base);
    }
    return result;
  }

  /** The (k+m) x k encoding matrix, from the definition. */
  static int[][] encodingMatrix(int k, int m) {
    int n = k + m;
    int[][] vandermonde = new int[n][k];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        vandermonde[r][c] = pow(r, c);
      }
    }
    int[][] top = new int[k][];
    for (int r = 0; r < k; r++) {
      top[r] = vandermonde[r].clone();
    }
    return multiply(vandermonde, invert(top));
  }

  static int[][] multiply(int[][] a, int[][] b) {
    int[][] out = new int[a.length][b[0].length];
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < b[0].length; c++) {
        int sum = 0;
        for (int i = 0; i < b.length; i++) {
          sum ^= mul(a[r][i], b[i][c]);
        }
        out[r][c] = sum;
      }
    }
    return out;
  }

  /** Gauss-Jordan on a copy; the input is left alone. */
  static int[][] invert(int[][] matrix) {
    int n = matrix.length;
    int[][] a = new int[n][2 * n];
    for (int r = 0; r < n; r++) {
      System.arraycopy(matrix[r], 0, a[r], 0, n);
      a[r][n + r] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      while (a[p][c] == 0) {
        p++;
      }
      int[] t = a[p];
      a[p] = a[c];
      a[c] = t;
      int s = inverse(a[c][c]);
      for (int j = 0; j < 2 * n; j++) {
        a[c][j] = mul(a[c][j], s);
      }
      for (int r = 0; r < n; r++) {
        if (r != c && a[r][c] != 0) {
          int f = a[r][c];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] ^= mul(f, a[c][j]);
          }
        }
      }
    }
    int[][] out = new int[n][n];
    for (int r = 0; r < n; r++) {
      System.arraycopy(a[r], n, out[r], 0, n);
    }
    return out;
  }

  /** Parity shards for the given data shards (all of the same length). */
  static byte[][] parity(byte[][] data, int m) {
    int k = data.length;
    int[][] enc = encodingMatrix(k, m);
    byte[][] parity = new byte[m][data[0].length];
    for (int j = 0; j < m; j++) {
      for (int p = 0; p < data[0].length; p++) {
        int sum = 0;
        for (int i = 0; i < k; i++) {
          sum ^= mul(enc[k + j][i], data[i][p]);
        }
        parity[j][p] = (byte) sum;
      }
    }
    return parity;
  }
}
