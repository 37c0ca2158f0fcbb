package network.icn.erasure.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import network.icn.erasure.ReedSolomon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread codec throughput. <b>The score is MiB of data in per second</b>: every invocation
 * processes exactly {@link #MIB_PER_INVOCATION} MiB of data shards (k x chunk bytes per stripe,
 * also for decode, where it is the stripe's data the read rebuilds), and {@code
 * OperationsPerInvocation} makes one op = one MiB. GB/s = score x 1.048576 / 1000.
 *
 * <p>Stripes rotate over a pool of at least 96 MiB of data ({@link StripePool}), so inputs come
 * from memory. 80 MiB is a multiple of k x chunk for every k in {4, 8, 10, 16} and chunk in {256
 * KiB, 1 MiB}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:MaxDirectMemorySize=2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CodecBenchmark {

  static final int MIB_PER_INVOCATION = 80;
  private static final long BYTES_PER_INVOCATION = (long) MIB_PER_INVOCATION << 20;

  /** What an encode benchmark walks over. */
  static final class Stripes {
    final ReedSolomon codec;
    final StripePool pool;
    final int chunk;
    final boolean arrays;
    final int perInvocation;

    Stripes(ReedSolomon codec, int chunk, String memory) {
      this.codec = codec;
      this.pool = StripePool.create(codec.dataShards(), codec.parityShards(), chunk, memory, 1);
      this.chunk = chunk;
      this.arrays = "array".equals(memory);
      this.perInvocation = stripes(codec.dataShards(), chunk);
    }
  }

  /** Encode state: the Vector API codec, scheme and chunk as parameters. */
  @State(Scope.Thread)
  public static class Encode {
    @Param({"4+2", "8+4", "10+4", "16+4"})
    public String scheme;

    @Param({"262144", "1048576"})
    public int chunk;

    /** direct | heap (ByteBuffer[] API) or array (byte[][] API). */
    @Param({"direct"})
    public String memory;

    Stripes stripes;

    @Setup(Level.Trial)
    public void setUp() {
      String[] km = scheme.split("\\+");
      ReedSolomon codec = ReedSolomon.vector(Integer.parseInt(km[0]), Integer.parseInt(km[1]));
      stripes = new Stripes(codec, chunk, memory);
    }
  }

  /** The scalar reference at 8+4, for comparison. */
  @State(Scope.Thread)
  public static class ScalarEncode {
    @Param({"262144", "1048576"})
    public int chunk;

    @Param({"direct"})
    public String memory;

    Stripes stripes;

    @Setup(Level.Trial)
    public void setUp() {
      stripes = new Stripes(ReedSolomon.scalar(8, 4), chunk, memory);
    }
  }

  /** Decode state: 8+4, {@code lost} data shards (0, or 0 and 1) rebuilt from the rest. */
  @State(Scope.Thread)
  public static class Decode {
    @Param({"1", "2"})
    public int lost;

    @Param({"262144", "1048576"})
    public int chunk;

    @Param({"direct"})
    public String memory;

    ReedSolomon codec;
    StripePool pool;
    boolean[] present;
    int stripesPerInvocation;

    @Setup(Level.Trial)
    public void setUp() {
      codec = ReedSolomon.vector(8, 4);
      pool = StripePool.create(8, 4, chunk, memory, 2);
      for (int s = 0; s < pool.size(); s++) {
        if ("array".equals(memory)) {
          codec.encodeParity(pool.arrays(s), 0, chunk);
        } else {
          codec.encodeParity(pool.buffers(s), 0, chunk);
        }
      }
      present = new boolean[12];
      Arrays.fill(present, true);
      for (int i = 0; i < lost; i++) {
        present[i] = false;
      }
      stripesPerInvocation = stripes(8, chunk);
    }
  }

  static int stripes(int k, int chunk) {
    long stripeData = (long) k * chunk;
    if (BYTES_PER_INVOCATION % stripeData != 0) {
      throw new IllegalArgumentException(MIB_PER_INVOCATION + " MiB is not a multiple of k*chunk");
    }
    return (int) (BYTES_PER_INVOCATION / stripeData);
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void encode(Encode s) {
    encodeStripes(s.stripes);
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void encodeScalar(ScalarEncode s) {
    encodeStripes(s.stripes);
  }

  private static void encodeStripes(Stripes s) {
    if (s.arrays) {
      for (int i = 0; i < s.perInvocation; i++) {
        s.codec.encodeParity(s.pool.nextArrays(), 0, s.chunk);
      }
    } else {
      for (int i = 0; i < s.perInvocation; i++) {
        s.codec.encodeParity(s.pool.nextBuffers(), 0, s.chunk);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void decodeData(Decode s) {
    int chunk = s.chunk;
    if ("array".equals(s.memory)) {
      for (int i = 0; i < s.stripesPerInvocation; i++) {
        s.codec.decodeMissingData(s.pool.nextArrays(), s.present, 0, chunk);
      }
    } else {
      for (int i = 0; i < s.stripesPerInvocation; i++) {
        s.codec.decodeMissingData(s.pool.nextBuffers(), s.present, 0, chunk);
      }
    }
  }
}
