package network.icn.erasure.gf;

import java.util.Arrays;

/**
 * An immutable matrix over GF(2^8): the Vandermonde construction, products, sub-matrices and the
 * Gauss-Jordan inverse the codec needs. Entries are held as bytes and exposed as ints in 0..255.
 */
public final class GfMatrix {

  private final int rows;
  private final int cols;
  private final byte[] cells; // row-major, rows * cols

  private GfMatrix(int rows, int cols, byte[] cells) {
    this.rows = rows;
    this.cols = cols;
    this.cells = cells;
  }

  /**
   * A matrix from its rows (copied). Every row must have the same, non-zero length.
   *
   * @throws IllegalArgumentException on an empty or ragged array
   */
  public static GfMatrix of(byte[][] rowsData) {
    if (rowsData.length == 0 || rowsData[0].length == 0) {
      throw new IllegalArgumentException("a matrix needs at least one row and one column");
    }
    int cols = rowsData[0].length;
    byte[] cells = new byte[rowsData.length * cols];
    for (int r = 0; r < rowsData.length; r++) {
      if (rowsData[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rowsData[r].length + " columns, expected " + cols);
      }
      System.arraycopy(rowsData[r], 0, cells, r * cols, cols);
    }
    return new GfMatrix(rowsData.length, cols, cells);
  }

  /** The n x n identity. */
  public static GfMatrix identity(int n) {
    checkShape(n, n);
    byte[] cells = new byte[n * n];
    for (int i = 0; i < n; i++) {
      cells[i * n + i] = 1;
    }
    return new GfMatrix(n, n, cells);
  }

  /** The rows x cols Vandermonde matrix with entry (r, c) = r^c in GF(2^8), and 0^0 = 1. */
  public static GfMatrix vandermonde(int rows, int cols) {
    checkShape(rows, cols);
    if (rows > 256) {
      throw new IllegalArgumentException("GF(2^8) has only 256 evaluation points, got " + rows);
    }
    byte[] cells = new byte[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        cells[r * cols + c] = (byte) Gf256.pow(r, c);
      }
    }
    return new GfMatrix(rows, cols, cells);
  }

  private static void checkShape(int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("matrix shape " + rows + "x" + cols + " is empty");
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Entry (r, c) in 0..255. */
  public int get(int r, int c) {
    if (r < 0 || r >= rows || c < 0 || c >= cols) {
      throw new IndexOutOfBoundsException(
          "(" + r + ", " + c + ") outside a " + rows + "x" + cols + " matrix");
    }
    return cells[r * cols + c] & 0xFF;
  }

  /** A copy of row r. */
  public byte[] row(int r) {
    get(r, 0);
    return Arrays.copyOfRange(cells, r * cols, (r + 1) * cols);
  }

  /** A copy of all rows. */
  public byte[][] toArray() {
    byte[][] out = new byte[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = row(r);
    }
    return out;
  }

  /** this x other. */
  public GfMatrix times(GfMatrix other) {
    if (cols != other.rows) {
      throw new IllegalArgumentException(
          "cannot multiply "
              + rows
              + "x"
              + cols
              + " by "
              + other.rows
              + "x"
              + other.cols
              + ": inner sizes differ");
    }
    byte[] out = new byte[rows * other.cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < other.cols; c++) {
        int sum = 0;
        for (int i = 0; i < cols; i++) {
          sum ^= Gf256.mul(cells[r * cols + i], other.cells[i * other.cols + c]);
        }
        out[r * other.cols + c] = (byte) sum;
      }
    }
    return new GfMatrix(rows, other.cols, out);
  }

  /** The matrix made of the given rows of this one, in the given order. */
  public GfMatrix selectRows(int[] rowIndexes) {
    if (rowIndexes.length == 0) {
      throw new IllegalArgumentException("select at least one row");
    }
    byte[] out = new byte[rowIndexes.length * cols];
    for (int i = 0; i < rowIndexes.length; i++) {
      int r = rowIndexes[i];
      get(r, 0);
      System.arraycopy(cells, r * cols, out, i * cols, cols);
    }
    return new GfMatrix(rowIndexes.length, cols, out);
  }

  /** Rows from (inclusive) to to (exclusive). */
  public GfMatrix rowRange(int from, int to) {
    if (from < 0 || to > rows || from >= to) {
      throw new IllegalArgumentException(
          "row range [" + from + ", " + to + ") invalid for " + rows + " rows");
    }
    return new GfMatrix(to - from, cols, Arrays.copyOfRange(cells, from * cols, to * cols));
  }

  /**
   * The inverse by Gauss-Jordan elimination.
   *
   * @throws IllegalArgumentException if the matrix is not square
   * @throws ArithmeticException if it is singular
   */
  public GfMatrix inverse() {
    if (rows != cols) {
      throw new IllegalArgumentException(
          "only square matrices have inverses, this one is " + rows + "x" + cols);
    }
    int n = rows;
    int width = 2 * n;
    int[] work = new int[n * width]; // [this | identity]
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        work[r * width + c] = cells[r * n + c] & 0xFF;
      }
      work[r * width + n + r] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && work[pivot * width + col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        throw new ArithmeticException(
            "matrix is singular: column " + col + " has no pivot in a " + n + "x" + n + " matrix");
      }
      if (pivot != col) {
        for (int c = 0; c < width; c++) {
          int t = work[col * width + c];
          work[col * width + c] = work[pivot * width + c];
          work[pivot * width + c] = t;
        }
      }
      int scale = Gf256.inverse(work[col * width + col]);
      for (int c = 0; c < width; c++) {
        work[col * width + c] = Gf256.mul(work[col * width + c], scale);
      }
      for (int r = 0; r < n; r++) {
        int factor = work[r * width + col];
        if (r != col && factor != 0) {
          for (int c = 0; c < width; c++) {
            work[r * width + c] ^= Gf256.mul(factor, work[col * width + c]);
          }
        }
      }
    }
    byte[] out = new byte[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        out[r * n + c] = (byte) work[r * width + n + c];
      }
    }
    return new GfMatrix(n, n, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GfMatrix other
        && rows == other.rows
        && cols == other.cols
        && Arrays.equals(cells, other.cells);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      sb.append(r == 0 ? "[" : " ").append('[');
      for (int c = 0; c < cols; c++) {
        sb.append(c == 0 ? "" : ", ").append(get(r, c));
      }
      sb.append(']').append(r == rows - 1 ? "]" : "\n");
    }
    return sb.toString();
  }
}
