package network.icn.erasure.gf;

import java.nio.ByteBuffer;

/**
 * A coefficient matrix prepared by a {@link GfKernel}: computes {@code outputs[j][p] = XOR_i
 * coef[j][i] * inputs[i][p]} for every p in {@code [offset, offset + length)}.
 *
 * <p>Callers (the codec facade) validate shapes and ranges before calling; coders do not repeat
 * that work, except where the JVM checks bounds anyway. Outputs must not alias inputs. ByteBuffer
 * positions and limits are ignored and never modified; offsets are absolute. Immutable and
 * thread-safe.
 */
public sealed interface MatrixCoder permits ScalarKernel.Coder, VectorKernel.Coder {

  /** Number of input rows (columns of the coefficient matrix). */
  int inputCount();

  /** Number of output rows. */
  int outputCount();

  /** Writes every output over the range. */
  void apply(byte[][] inputs, byte[][] outputs, int offset, int length);

  /** Writes every output over the range; heap and direct buffers may be mixed. */
  void apply(ByteBuffer[] inputs, ByteBuffer[] outputs, int offset, int length);

  /** Whether every {@code expected[j]} already holds what {@link #apply} would write. */
  boolean matches(byte[][] inputs, byte[][] expected, int offset, int length);

  /** Whether every {@code expected[j]} already holds what {@link #apply} would write. */
  boolean matches(ByteBuffer[] inputs, ByteBuffer[] expected, int offset, int length);
}
