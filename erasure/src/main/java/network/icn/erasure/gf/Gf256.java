package network.icn.erasure.gf;

/**
 * Arithmetic in GF(2^8) with the field polynomial x^8+x^4+x^3+x^2+1 (0x11D) and generator 2, the
 * field Backblaze JavaReedSolomon uses. Addition is XOR; multiplication goes through log/exp
 * tables, and the package's kernels read the full 256x256 product table for the scalar kernel.
 *
 * <p>All tables are built once at class initialisation and never written afterwards.
 */
public final class Gf256 {

  /** The field polynomial, including the x^8 term. */
  public static final int POLYNOMIAL = 0x11D;

  /** The generator whose powers enumerate the non-zero elements. */
  public static final int GENERATOR = 2;

  /** EXP[i] = 2^i for i in 0..509, so EXP[log a + log b] needs no modulo. */
  private static final byte[] EXP = new byte[510];

  /** LOG[a] = i with 2^i = a, for a in 1..255; LOG[0] is unused. */
  private static final int[] LOG = new int[256];

  /** MUL[(a << 8) | b] = a * b. */
  private static final byte[] MUL = new byte[256 * 256];

  static {
    int value = 1;
    for (int i = 0; i < 255; i++) {
      EXP[i] = (byte) value;
      EXP[i + 255] = (byte) value;
      LOG[value] = i;
      value <<= 1;
      if (value >= 256) {
        value ^= POLYNOMIAL;
      }
    }
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        MUL[(a << 8) | b] = (byte) mulSlow(a, b);
      }
    }
  }

  private Gf256() {}

  private static int mulSlow(int a, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return EXP[LOG[a] + LOG[b]] & 0xFF;
  }

  /** a + b (and a - b): XOR. Arguments and result are in 0..255. */
  public static int add(int a, int b) {
    return (a ^ b) & 0xFF;
  }

  /** a * b. Arguments and result are in 0..255. */
  public static int mul(int a, int b) {
    return MUL[((a & 0xFF) << 8) | (b & 0xFF)] & 0xFF;
  }

  /**
   * The multiplicative inverse of a.
   *
   * @throws ArithmeticException if a is 0
   */
  public static int inverse(int a) {
    int x = a & 0xFF;
    if (x == 0) {
      throw new ArithmeticException("0 has no inverse in GF(2^8)");
    }
    return EXP[255 - LOG[x]] & 0xFF;
  }

  /**
   * a / b.
   *
   * @throws ArithmeticException if b is 0
   */
  public static int div(int a, int b) {
    return mul(a, inverse(b));
  }

  /** a^n for n >= 0, with 0^0 = 1 (the convention of the Vandermonde construction). */
  public static int pow(int a, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative exponent " + n);
    }
    if (n == 0) {
      return 1;
    }
    int x = a & 0xFF;
    if (x == 0) {
      return 0;
    }
    return EXP[(int) (((long) LOG[x] * n) % 255)] & 0xFF;
  }

  /**
   * The shared 64 KiB product table, indexed {@code (a << 8) | b}, for the kernels of this package.
   * Read-only by contract: nothing writes to it after class initialisation.
   */
  static byte[] sharedMulTable() {
    return MUL;
  }
}
