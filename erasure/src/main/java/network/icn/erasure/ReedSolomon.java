package network.icn.erasure;

import java.nio.ByteBuffer;
import network.icn.erasure.gf.GfKernel;
import network.icn.erasure.gf.GfMatrix;
import network.icn.erasure.gf.Kernels;
import network.icn.erasure.gf.MatrixCoder;

/**
 * Systematic Reed-Solomon over GF(2^8), byte-compatible with Backblaze JavaReedSolomon: field
 * polynomial 0x11D, and the encoding matrix is the (k+m) x k Vandermonde matrix (entry (r, c) =
 * r^c) times the inverse of its top k x k square, so the top k rows are the identity and the bottom
 * m rows produce the parity.
 *
 * <p>Shards are given as {@code k + m} arrays or buffers of equal size (array length or buffer
 * capacity); data shards first. Offsets are absolute: ByteBuffer positions and limits are ignored
 * and never modified. Heap and direct buffers both work and may be mixed.
 *
 * <p>Instances are immutable and thread-safe; the only shared state is a bounded concurrent cache
 * of decode matrices per erasure pattern.
 */
public final class ReedSolomon {

  /** Upper bound on the bytes of prepared decode tables kept per codec. */
  private static final long DECODE_CACHE_BYTES = 16L << 20;

  private static final int MAX_DECODE_PLANS = 256;
  private static final int MIN_DECODE_PLANS = 4;

  private final int dataShards;
  private final int parityShards;
  private final GfKernel kernel;
  private final GfMatrix encoding;
  private final MatrixCoder parityCoder;
  private final DecodePlanCache decodePlans;

  private ReedSolomon(int dataShards, int parityShards, GfKernel kernel) {
    this.dataShards = dataShards;
    this.parityShards = parityShards;
    this.kernel = kernel;
    int total = dataShards + parityShards;
    GfMatrix vandermonde = GfMatrix.vandermonde(total, dataShards);
    this.encoding = vandermonde.times(vandermonde.rowRange(0, dataShards).inverse());
    this.parityCoder = kernel.prepare(encoding.rowRange(dataShards, total));
    // A plan holds up to two prepared matrices of at most m x k coefficients each.
    long planBytes = 2L * kernel.bytesPerCoefficient() * parityShards * dataShards;
    int plans =
        (int)
            Math.max(MIN_DECODE_PLANS, Math.min(MAX_DECODE_PLANS, DECODE_CACHE_BYTES / planBytes));
    this.decodePlans = new DecodePlanCache(plans);
  }

  /**
   * The best available implementation: the Vector API kernel when usable here, else scalar.
   *
   * @throws ErasureException with {@link ErasureError#INVALID_SCHEME} unless {@code k >= 1, m >= 1,
   *     k + m <= 256}
   */
  public static ReedSolomon create(int dataShards, int parityShards) {
    ShardChecks.checkCounts(dataShards, parityShards);
    return new ReedSolomon(dataShards, parityShards, Kernels.best());
  }

  /** The scalar reference implementation. */
  public static ReedSolomon scalar(int dataShards, int parityShards) {
    ShardChecks.checkCounts(dataShards, parityShards);
    return new ReedSolomon(dataShards, parityShards, Kernels.scalar());
  }

  /**
   * The Vector API implementation.
   *
   * @throws ErasureException with {@link ErasureError#INVALID_ARGUMENT} if it cannot run here
   *     (module {@code jdk.incubator.vector} absent, or SIMD narrower than 128 bits)
   */
  public static ReedSolomon vector(int dataShards, int parityShards) {
    ShardChecks.checkCounts(dataShards, parityShards);
    GfKernel vector =
        Kernels.vector()
            .orElseThrow(
                () ->
                    ShardChecks.invalid(
                        "the Vector API codec is not usable here: "
                            + Kernels.vectorUnavailableReason()));
    return new ReedSolomon(dataShards, parityShards, vector);
  }

  public int dataShards() {
    return dataShards;
  }

  public int parityShards() {
    return parityShards;
  }

  public int totalShards() {
    return dataShards + parityShards;
  }

  /** The kernel in use, e.g. {@code scalar} or {@code vector-512}. */
  public String implementation() {
    return kernel.name();
  }

  /** The (k+m) x k encoding matrix; for tests. */
  GfMatrix encodingMatrix() {
    return encoding;
  }

  /** Decode plans currently cached; for tests. */
  int cachedDecodePlans() {
    return decodePlans.size();
  }

  // ---------------------------------------------------------------- encode

  /** Computes the m parity shards from the k data shards over {@code [offset, offset+length)}. */
  public void encodeParity(byte[][] shards, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    if (length == 0) {
      return;
    }
    parityCoder.apply(dataOf(shards), parityOf(shards), offset, length);
  }

  /** Computes the m parity shards from the k data shards over {@code [offset, offset+length)}. */
  public void encodeParity(ByteBuffer[] shards, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    ShardChecks.checkWritable(shards, dataShards, totalShards());
    if (length == 0) {
      return;
    }
    parityCoder.apply(dataOf(shards), parityOf(shards), offset, length);
  }

  /** Whether the parity shards match the data shards over the range. */
  public boolean isParityCorrect(byte[][] shards, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    return length == 0 || parityCoder.matches(dataOf(shards), parityOf(shards), offset, length);
  }

  /** Whether the parity shards match the data shards over the range. */
  public boolean isParityCorrect(ByteBuffer[] shards, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    return length == 0 || parityCoder.matches(dataOf(shards), parityOf(shards), offset, length);
  }

  // ---------------------------------------------------------------- decode

  /**
   * Rebuilds every shard with {@code present[i] == false} (data and parity) in place over the
   * range, from k present shards.
   *
   * @throws ErasureException with {@link ErasureError#NOT_ENOUGH_SHARDS} if fewer than k are
   *     present
   */
  public void decodeMissing(byte[][] shards, boolean[] present, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    DecodePlan plan = plan(present);
    if (plan.allCoder() != null && length > 0) {
      plan.allCoder()
          .apply(select(shards, plan.inputs()), select(shards, plan.missingAll()), offset, length);
    }
  }

  /** Like {@link #decodeMissing(byte[][], boolean[], int, int)} for buffers. */
  public void decodeMissing(ByteBuffer[] shards, boolean[] present, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    DecodePlan plan = plan(present);
    ShardChecks.checkWritable(shards, plan.missingAll());
    if (plan.allCoder() != null && length > 0) {
      plan.allCoder()
          .apply(select(shards, plan.inputs()), select(shards, plan.missingAll()), offset, length);
    }
  }

  /**
   * Rebuilds only the missing data shards (what a read needs); parity shards, present or not, are
   * left untouched.
   *
   * @throws ErasureException with {@link ErasureError#NOT_ENOUGH_SHARDS} if fewer than k are
   *     present
   */
  public void decodeMissingData(byte[][] shards, boolean[] present, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    DecodePlan plan = plan(present);
    if (plan.dataCoder() != null && length > 0) {
      plan.dataCoder()
          .apply(select(shards, plan.inputs()), select(shards, plan.missingData()), offset, length);
    }
  }

  /** Like {@link #decodeMissingData(byte[][], boolean[], int, int)} for buffers. */
  public void decodeMissingData(ByteBuffer[] shards, boolean[] present, int offset, int length) {
    ShardChecks.checkShards(shards, totalShards(), offset, length);
    DecodePlan plan = plan(present);
    ShardChecks.checkWritable(shards, plan.missingData());
    if (plan.dataCoder() != null && length > 0) {
      plan.dataCoder()
          .apply(select(shards, plan.inputs()), select(shards, plan.missingData()), offset, length);
    }
  }

  private DecodePlan plan(boolean[] present) {
    ShardChecks.checkPresent(present, dataShards, totalShards());
    return decodePlans.get(present, p -> DecodePlan.build(encoding, dataShards, p, kernel));
  }

  // ---------------------------------------------------------------- helpers

  private byte[][] dataOf(byte[][] shards) {
    byte[][] out = new byte[dataShards][];
    System.arraycopy(shards, 0, out, 0, dataShards);
    return out;
  }

  private byte[][] parityOf(byte[][] shards) {
    byte[][] out = new byte[parityShards][];
    System.arraycopy(shards, dataShards, out, 0, parityShards);
    return out;
  }

  private ByteBuffer[] dataOf(ByteBuffer[] shards) {
    ByteBuffer[] out = new ByteBuffer[dataShards];
    for (int i = 0; i < dataShards; i++) {
      out[i] = whole(shards[i]);
    }
    return out;
  }

  private ByteBuffer[] parityOf(ByteBuffer[] shards) {
    ByteBuffer[] out = new ByteBuffer[parityShards];
    for (int j = 0; j < parityShards; j++) {
      out[j] = whole(shards[dataShards + j]);
    }
    return out;
  }

  /**
   * A view of the whole buffer, position 0 and limit = capacity, sharing its memory: the caller's
   * position and limit are ignored (offsets are absolute) and never modified.
   */
  private static ByteBuffer whole(ByteBuffer buffer) {
    return buffer.duplicate().clear();
  }

  private static byte[][] select(byte[][] shards, int[] indexes) {
    byte[][] out = new byte[indexes.length][];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = shards[indexes[i]];
    }
    return out;
  }

  private static ByteBuffer[] select(ByteBuffer[] shards, int[] indexes) {
    ByteBuffer[] out = new ByteBuffer[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = whole(shards[indexes[i]]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ReedSolomon[k=" + dataShards + ", m=" + parityShards + ", " + kernel.name() + "]";
  }
}
