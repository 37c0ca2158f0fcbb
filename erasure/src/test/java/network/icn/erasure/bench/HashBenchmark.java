package network.icn.erasure.bench;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import network.icn.erasure.Crc32c;
import network.icn.erasure.merkle.MerkleTreeBuilder;
import network.icn.erasure.merkle.Sha256Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the hashes on the write and read paths, in <b>bytes per second</b>:
 * every benchmark method hashes one {@value #BLOCK}-byte block and declares {@code
 * OperationsPerInvocation(BLOCK)}, so JMH's "ops/s" score is bytes/s.
 *
 * <p>Blocks rotate over {@value #REGION_MIB} MiB of random data (heap and direct copies), far
 * larger than any cache, so every byte comes from memory.
 *
 * <ul>
 *   <li>{@code merkleRoot*}: {@link MerkleTreeBuilder} root of a 1 MiB shard (256 leaves).
 *   <li>{@code sha256Raw}: plain SHA-256 over the same bytes, the ceiling for the Merkle path.
 *   <li>{@code crc32c*}: {@link Crc32c} over a 1 MiB block.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class HashBenchmark {

  static final int BLOCK = 1 << 20;
  static final int REGION_MIB = 128;
  private static final int BLOCKS = REGION_MIB;

  private byte[] heap;
  private ByteBuffer direct;
  private MerkleTreeBuilder builder;
  private MessageDigest sha256;
  private final byte[] digestOut = new byte[32];
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws NoSuchAlgorithmException {
    heap = new byte[BLOCKS * BLOCK];
    new SplittableRandom(2026).nextBytes(heap);
    direct = ByteBuffer.allocateDirect(heap.length).put(heap).clear();
    builder = new MerkleTreeBuilder();
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  private int nextOffset() {
    int block = next;
    next = block + 1 == BLOCKS ? 0 : block + 1;
    return block * BLOCK;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public Sha256Hash merkleRootHeap() {
    builder.reset();
    return builder.update(heap, nextOffset(), BLOCK).finish();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public Sha256Hash merkleRootDirect() {
    int offset = nextOffset();
    builder.reset();
    return builder.update(direct.slice(offset, BLOCK)).finish();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public byte[] sha256Raw() throws DigestException {
    sha256.update(heap, nextOffset(), BLOCK);
    sha256.digest(digestOut, 0, digestOut.length);
    return digestOut;
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int crc32cHeap() {
    return Crc32c.of(heap, nextOffset(), BLOCK);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int crc32cDirect() {
    return Crc32c.of(direct, nextOffset(), BLOCK);
  }

  /** The JDK class without our helper, to show the helper costs nothing. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public long crc32cJdkHeap() {
    CRC32C crc = new CRC32C();
    crc.update(heap, nextOffset(), BLOCK);
    return crc.getValue();
  }
}
