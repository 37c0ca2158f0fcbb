package network.icn.erasure.gf;

/**
 * A way of multiplying a coefficient matrix over GF(2^8) into byte ranges: the scalar reference or
 * the Vector API implementation. Kernels are stateless apart from immutable tables and safe to
 * share between threads.
 */
public sealed interface GfKernel permits ScalarKernel, VectorKernel {

  /** A short name for logs and benchmarks, e.g. {@code scalar} or {@code vector-512}. */
  String name();

  /**
   * Prepares {@code coefficients} (outputs x inputs) for repeated use: all table set-up happens
   * here, so {@link MatrixCoder#apply} does none.
   */
  MatrixCoder prepare(GfMatrix coefficients);

  /** Approximate bytes of prepared tables per matrix coefficient, for sizing caches. */
  int bytesPerCoefficient();
}
