package network.icn.agent.scrub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.Signatures;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.registration.PlacementRegistrar;
import network.icn.agent.store.FileShardStore;
import network.icn.agent.store.ShardReader;
import network.icn.agent.store.ShardWriter;
import network.icn.agent.testing.FakeTime;
import network.icn.agent.testing.InProcessPlacement;
import network.icn.agent.testing.MutableClock;
import network.icn.agent.testing.TestShards;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.PlacementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

final class ScrubberTest {
  private static final int CHUNK = 4096;
  private static final long RATE = 1 << 20; // 1 MiB/s: one 4 KiB chunk costs exactly 3 906 250 ns
  private static final long CHUNK_NANOS = 3_906_250L;
  private static final long SHARD_BYTES = 3L * CHUNK;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final FakeTime time = new FakeTime();
  private FileShardStore store;
  private AgentMetrics metrics;
  private Scrubber scrubber;
  private final List<String> ids = List.of("s0", "s1", "s2", "s3", "s4");
  private final List<byte[]> contents = new ArrayList<>();

  @BeforeEach
  void fill() {
    store =
        FileShardStore.open(
            dir,
            64L << 20,
            new ErasureShardMerkle(),
            clock,
            new SplittableRandom(1),
            FileShardStore::usableSpace);
    metrics = new AgentMetrics(new PrometheusRegistry(), store::usage);
    scrubber =
        new Scrubber(
            store,
            metrics,
            new Quarantine(store, metrics),
            new ScrubRateLimiter(RATE, time::nanoTime, time));
    for (int i = 0; i < ids.size(); i++) {
      byte[] data = TestShards.bytes((int) SHARD_BYTES, 100 + i);
      contents.add(data);
      put(ids.get(i), data);
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void put(String id, byte[] data) {
    try (ShardWriter w =
        store.create(new ShardId(id), TestShards.spec(data, CHUNK, new ErasureShardMerkle()))) {
      w.write(ByteBuffer.wrap(data));
      w.commit();
    }
  }

  private byte[] read(String id) {
    try (ShardReader r = store.open(new ShardId(id))) {
      ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(r.info().size()));
      for (int i = 0; i < r.info().spec().chunkCount(); i++) {
        r.readChunk(i, out);
      }
      return out.array();
    }
  }

  private Path fileOf(String id) {
    return store.fileOf(new ShardId(id));
  }

  private static void flipBit(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x10);
    }
  }

  /**
   * Offset of the last data byte: just before the CRC table (one u32 per chunk; the count is the
   * u32 at offset 24) and the 8-byte footer of a version 2 shard file.
   */
  private static long lastDataByte(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(24);
      int chunks = raf.readInt();
      return raf.length() - 8 - 4L * chunks - 1;
    }
  }

  private List<String> quarantined() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("quarantine"))) {
      return files.map(p -> p.getFileName().toString().split("\\.")[0]).sorted().toList();
    }
  }

  private boolean listed(String id) {
    return store.list(Optional.empty(), 100).shards().stream()
        .anyMatch(info -> info.id().value().equals(id));
  }

  private void assertQuarantinedAndNotServed(String id) {
    assertTrue(store.stat(new ShardId(id)).isEmpty());
    AgentException e = assertThrows(AgentException.class, () -> store.open(new ShardId(id)));
    assertEquals(AgentError.NOT_FOUND, e.error());
    assertFalse(listed(id));
  }

  private void assertOthersUntouched(List<String> corrupt) throws IOException {
    for (int i = 0; i < ids.size(); i++) {
      if (!corrupt.contains(ids.get(i))) {
        assertArrayEquals(contents.get(i), read(ids.get(i)), ids.get(i));
      }
    }
    assertEquals(ids.size() - corrupt.size(), store.usage().shardCount());
    assertEquals(corrupt, quarantined());
  }

  @Test
  void aFlippedBitIsQuarantinedCountedAndHealthyShardsAreUntouched() throws Exception {
    flipBit(fileOf("s2"), lastDataByte(fileOf("s2")));

    Scrubber.Step pass = scrubber.runPass();

    assertEquals(new Scrubber.Step(5, 4 * SHARD_BYTES, 1, true), pass);
    assertQuarantinedAndNotServed("s2");
    assertEquals(1, metrics.corruptShardCount());
    assertOthersUntouched(List.of("s2"));
  }

  @Test
  void theNextHeartbeatReportsTheCorruptShardToPlacement() throws Exception {
    ECKeyPair key = ECKeyPair.create(BigInteger.valueOf(0x5C4B));
    String nodeId = Signatures.address(key);
    PlacementService placement = InProcessPlacement.start(clock);
    PlacementRegistrar registrar =
        new PlacementRegistrar(
            placement,
            key,
            new PlacementRegistrar.Identity(
                nodeId, nodeId, "eu-central", "fra-1", "hdd", "http://127.0.0.1:7070", "test"),
            store::usage,
            () -> PlacementRegistrar.Telemetry.of(metrics),
            clock);
    registrar.register();
    flipBit(fileOf("s0"), lastDataByte(fileOf("s0")) - CHUNK);

    scrubber.runPass();
    clock.advance(Duration.ofSeconds(1));
    registrar.heartbeat();

    NodeView view = placement.node(nodeId).orElseThrow();
    assertEquals(1, view.corruptShards());
    assertEquals(4, view.shardCount());
    assertEquals(store.usage().usedBytes(), view.usedBytes());
  }

  @Test
  void aTruncatedShardFileIsQuarantined() throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(fileOf("s1").toFile(), "rw")) {
      raf.setLength(raf.length() - CHUNK);
    }

    Scrubber.Step pass = scrubber.runPass();

    assertEquals(1, pass.corruptFound());
    assertQuarantinedAndNotServed("s1");
    assertEquals(1, metrics.corruptShardCount());
    assertOthersUntouched(List.of("s1"));
  }

  @Test
  void aShardWithACorruptHeaderIsFoundThoughListingCannotShowIt() throws Exception {
    flipBit(fileOf("s3"), 20); // inside the data-size field, covered by the header CRC
    assertFalse(listed("s3"));

    Scrubber.Step pass = scrubber.runPass();

    assertEquals(1, pass.corruptFound());
    assertQuarantinedAndNotServed("s3");
    assertEquals(1, metrics.corruptShardCount());
    assertOthersUntouched(List.of("s3"));
  }

  @Test
  void aShardWithABadMagicOrAnEmptyFileIsQuarantined() throws Exception {
    flipBit(fileOf("s4"), 0);
    Files.write(fileOf("s1"), new byte[0]);

    Scrubber.Step pass = scrubber.runPass();

    assertEquals(2, pass.corruptFound());
    assertEquals(2, metrics.corruptShardCount());
    assertOthersUntouched(List.of("s1", "s4"));
  }

  @Test
  void aLaterPassFindsNothingNewAndCountsEachCorruptShardOnce() throws Exception {
    flipBit(fileOf("s2"), lastDataByte(fileOf("s2")));
    scrubber.runPass();

    Scrubber.Step second = scrubber.runPass();

    assertEquals(new Scrubber.Step(4, 4 * SHARD_BYTES, 0, true), second);
    assertEquals(1, metrics.corruptShardCount());
  }

  @Test
  void scrubNextResumesWhereItStoppedAndStartsOverAfterAPass() throws Exception {
    List<Scrubber.Step> steps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      steps.add(scrubber.scrubNext(2));
    }

    assertEquals(
        List.of(
            new Scrubber.Step(2, 2 * SHARD_BYTES, 0, false),
            new Scrubber.Step(2, 2 * SHARD_BYTES, 0, false),
            new Scrubber.Step(1, SHARD_BYTES, 0, true),
            new Scrubber.Step(2, 2 * SHARD_BYTES, 0, false)),
        steps);
  }

  @Test
  void scrubbingStaysWithinTheByteBudgetAcrossCalls() throws Exception {
    long start = time.nanoTime();
    long scrubbed = 0;
    for (int i = 0; i < 7; i++) {
      scrubbed += scrubber.scrubNext(1).bytesChecked();
      long elapsed = time.nanoTime() - start;
      // At most the budget of the elapsed time plus the one chunk just read.
      assertTrue(
          scrubbed <= RATE * elapsed / 1_000_000_000L + CHUNK,
          scrubbed + " bytes after " + elapsed + " ns");
    }
    // Seven calls of one shard each: five shards, the empty step that ends the pass, one more.
    assertEquals(6 * SHARD_BYTES, scrubbed);
    // Reads take no fake time, so every chunk after the first waited exactly its cost.
    long chunks = scrubbed / CHUNK;
    assertEquals(chunks - 1, time.sleeps().size());
    assertTrue(time.sleeps().stream().allMatch(n -> n == CHUNK_NANOS), time.sleeps().toString());
    assertEquals((chunks - 1) * CHUNK_NANOS, time.nanoTime() - start);
  }
}
