package network.icn.erasure.bench;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import network.icn.erasure.ReedSolomon;
import network.icn.erasure.stripe.ChunkSlots;
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

    Stripes(ReedSolomon codec, int chunk, String memory, boolean reuseParity, int stagger) {
      this.codec = codec;
      this.pool =
          StripePool.create(
              codec.dataShards(), codec.parityShards(), chunk, memory, reuseParity, stagger, 1);
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

    /**
     * encoder (the StripeEncoder's own staggered heap layout, ChunkSlots; the main figure) | direct
     * | aligned | stagger | heap (ByteBuffer[] API) or array (byte[][] API); see StripePool.
     */
    @Param({"encoder"})
    public String layout;

    /**
     * reused: one set of parity buffers for all stripes, as the streaming StripeEncoder does (data
     * still rotates; the main figure); rotating: parity buffers rotate with the data (everything
     * from memory).
     */
    @Param({"reused"})
    public String parity;

    /** Padding between chunks for layout=encoder; -1 is the encoder's, ChunkSlots.STAGGER. */
    @Param({"-1"})
    public int stagger;

    Stripes stripes;

    @Setup(Level.Trial)
    public void setUp() {
      String[] km = scheme.split("\\+");
      ReedSolomon codec = ReedSolomon.vector(Integer.parseInt(km[0]), Integer.parseInt(km[1]));
      stripes =
          new Stripes(
              codec,
              chunk,
              layout,
              "reused".equals(parity),
              stagger < 0 ? ChunkSlots.STAGGER : stagger);
    }
  }

  /**
   * The scalar reference at 8+4, for comparison. Over byte[] shards by default: its ByteBuffer path
   * reads byte by byte and is slower still, and byte[] is what the usual scalar figures mean.
   */
  @State(Scope.Thread)
  public static class ScalarEncode {
    @Param({"262144", "1048576"})
    public int chunk;

    @Param({"array"})
    public String memory;

    Stripes stripes;

    @Setup(Level.Trial)
    public void setUp() {
      stripes = new Stripes(ReedSolomon.scalar(8, 4), chunk, memory, false, ChunkSlots.STAGGER);
    }
  }

  /** Decode state: 8+4, {@code lost} data shards (0, or 0 and 1) rebuilt from the rest. */
  @State(Scope.Thread)
  public static class Decode {
    @Param({"1", "2"})
    public int lost;

    @Param({"262144", "1048576"})
    public int chunk;

    /** As for encode; with encoder, each stripe's data and parity are laid out as the encoder's. */
    @Param({"encoder"})
    public String layout;

    ReedSolomon codec;
    StripePool pool;
    boolean[] present;
    int stripesPerInvocation;

    @Setup(Level.Trial)
    public void setUp() {
      codec = ReedSolomon.vector(8, 4);
      pool = StripePool.create(8, 4, chunk, layout, 2);
      for (int s = 0; s < pool.size(); s++) {
        if ("array".equals(layout)) {
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

  /**
   * Control, not codec: the same memory traffic as {@link #encode} (read k chunks, write m) with
   * trivial compute (each output is a plain XOR/ADD/OR/SUB fold of the inputs, no GF multiply), one
   * vector per step. A rough reference for the memory traffic only: its own loop is simple, not
   * tuned, and it has measured below encode (see the README).
   */
  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void memoryCeiling(Encode s) {
    Stripes st = s.stripes;
    int k = st.codec.dataShards();
    int m = st.codec.parityShards();
    MemorySegment[] in = new MemorySegment[k];
    for (int n = 0; n < st.perInvocation; n++) {
      ByteBuffer[] shards = st.pool.nextBuffers();
      for (int i = 0; i < k; i++) {
        in[i] = MemorySegment.ofBuffer(shards[i]);
      }
      for (int g = 0; g < m; g += 4) {
        foldInto(in, shards, k + g, Math.min(4, m - g), st.chunk);
      }
    }
  }

  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;

  private static void foldInto(MemorySegment[] in, ByteBuffer[] shards, int first, int n, int len) {
    MemorySegment o0 = MemorySegment.ofBuffer(shards[first]);
    MemorySegment o1 = MemorySegment.ofBuffer(shards[first + Math.min(1, n - 1)]);
    MemorySegment o2 = MemorySegment.ofBuffer(shards[first + Math.min(2, n - 1)]);
    MemorySegment o3 = MemorySegment.ofBuffer(shards[first + Math.min(3, n - 1)]);
    ByteOrder order = ByteOrder.nativeOrder();
    for (long p = 0; p < len; p += SPECIES.length()) {
      ByteVector a0 = ByteVector.zero(SPECIES);
      ByteVector a1 = a0;
      ByteVector a2 = a0;
      ByteVector a3 = a0;
      for (MemorySegment src : in) {
        ByteVector v = ByteVector.fromMemorySegment(SPECIES, src, p, order);
        a0 = a0.lanewise(VectorOperators.XOR, v);
        a1 = a1.lanewise(VectorOperators.ADD, v);
        a2 = a2.lanewise(VectorOperators.OR, v);
        a3 = a3.lanewise(VectorOperators.SUB, v);
      }
      a3.intoMemorySegment(o3, p, order);
      a2.intoMemorySegment(o2, p, order);
      a1.intoMemorySegment(o1, p, order);
      a0.intoMemorySegment(o0, p, order);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIB_PER_INVOCATION)
  public void decodeData(Decode s) {
    int chunk = s.chunk;
    if ("array".equals(s.layout)) {
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
