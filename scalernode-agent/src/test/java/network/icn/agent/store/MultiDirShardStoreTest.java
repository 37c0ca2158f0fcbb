package network.icn.agent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.scrub.Quarantine;
import network.icn.agent.scrub.ScrubRateLimiter;
import network.icn.agent.scrub.Scrubber;
import network.icn.agent.testing.FakeTime;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shard store contract over three directories, then what only several directories have:
 * placement, spilling to another directory, merged listing, restart, a failing disk, scrubbing.
 */
final class MultiDirShardStoreTest extends ShardStoreContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final AtomicInteger STORES = new AtomicInteger();

  @TempDir Path dir;
  private final List<AgentException> reported = new ArrayList<>();

  /**
   * Three directories sharing {@code capacity} 8:1:1. A shard must fit one directory, so an even
   * split would make the contract's "5 000 of 10 000 bytes fit" false; the uneven split keeps the
   * contract's totals meaningful while the small directories still receive shards.
   */
  @Override
  ShardStore newStore(long capacity) {
    long small = capacity / 10;
    return open(
        roots("contract-" + STORES.incrementAndGet(), 3),
        List.of(capacity - 2 * small, small, small),
        FileShardStore::usableSpace);
  }

  private List<Path> roots(String name, int count) {
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      roots.add(dir.resolve(name).resolve("disk" + i));
    }
    return roots;
  }

  private MultiDirShardStore open(
      List<Path> roots, List<Long> capacities, FileShardStore.DiskSpace space) {
    return MultiDirShardStore.open(
        roots,
        capacities,
        merkle,
        CLOCK,
        new SplittableRandom(7),
        space,
        (d, cause) -> reported.add(cause));
  }

  private MultiDirShardStore evenStore(List<Path> roots) {
    return open(roots, roots.stream().map(r -> CAPACITY).toList(), FileShardStore::usableSpace);
  }

  private static byte[] readAll(ShardStore from, String id) {
    try (ShardReader reader = from.open(new ShardId(id))) {
      ShardSpec spec = reader.info().spec();
      ByteBuffer all = ByteBuffer.allocate((int) spec.size());
      for (int i = 0; i < spec.chunkCount(); i++) {
        reader.readChunk(i, all);
      }
      return all.array();
    }
  }

  private static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void newShardsSpreadOverEveryDirectoryAndEachIdGoesWhereRendezvousPutsIt() {
    List<Path> roots = roots("spread", 3);
    try (MultiDirShardStore multi = evenStore(roots)) {
      Map<Path, Integer> perDir = new HashMap<>();
      for (int i = 0; i < 60; i++) {
        ShardId id = new ShardId("spread-" + i);
        Path expected = multi.placementOrder(id, CHUNK).getFirst();
        put(multi, id.value(), TestShards.bytes(CHUNK, i), 4096);
        assertEquals(Optional.of(expected.toAbsolutePath()), multi.locationOf(id));
        perDir.merge(expected, 1, Integer::sum);
      }
      assertEquals(3, perDir.size(), "every directory got shards: " + perDir);
    }
  }

  @Test
  void restartKeepsEveryShardInEveryDirectory() {
    List<Path> roots = roots("restart", 3);
    Map<String, byte[]> written = new HashMap<>();
    long used;
    Set<Path> holders = new HashSet<>();
    try (MultiDirShardStore first = evenStore(roots)) {
      for (int i = 0; i < 20; i++) {
        byte[] data = TestShards.bytes(CHUNK + i, 200 + i);
        put(first, "kept-" + i, data, 1000);
        written.put("kept-" + i, data);
        holders.add(first.locationOf(new ShardId("kept-" + i)).orElseThrow());
      }
      used = first.usage().usedBytes();
    }
    assertTrue(holders.size() > 1, "shards were in several directories");
    try (MultiDirShardStore second = evenStore(roots)) {
      assertEquals(20, second.usage().shardCount());
      assertEquals(used, second.usage().usedBytes());
      written.forEach((id, data) -> assertArrayEquals(data, readAll(second, id)));
      assertEquals(20, second.ids(Optional.empty(), 100).ids().size());
      assertTrue(second.delete(new ShardId("kept-3")));
      assertTrue(second.stat(new ShardId("kept-3")).isEmpty());
    }
  }

  @Test
  void aPutGoesToAnotherDirectoryWhenItsFirstChoiceHasAFullDisk() throws IOException {
    List<Path> roots = roots("full-disk", 2);
    Path full = roots.getFirst().toAbsolutePath();
    FileShardStore.DiskSpace space = d -> d.startsWith(full) ? 1000 : FileShardStore.usableSpace(d);
    try (MultiDirShardStore multi = open(roots, List.of(CAPACITY, CAPACITY), space)) {
      String id = idWhoseFirstChoiceIs(multi, full, 2 * CHUNK);
      byte[] data = TestShards.bytes(2 * CHUNK, 300);
      assertTrue(put(multi, id, data, 1000).created());
      assertEquals(Optional.of(roots.get(1).toAbsolutePath()), multi.locationOf(new ShardId(id)));
      assertArrayEquals(data, readAll(multi, id));
      assertEquals(0, files(full.resolve("tmp")));
      assertEquals(0, multi.directories().getFirst().usage().shardCount());
    }
  }

  @Test
  void aPutGoesToAnotherDirectoryWhenItsFirstChoiceHasNoOfferedCapacityLeft() {
    List<Path> roots = roots("offered", 2);
    try (MultiDirShardStore multi =
        open(roots, List.of(CAPACITY, 5_000L), FileShardStore::usableSpace)) {
      byte[] data = TestShards.bytes(6_000, 301);
      for (int i = 0; i < 5; i++) {
        put(multi, "big-" + i, data, 1000);
        assertEquals(
            Optional.of(roots.getFirst().toAbsolutePath()),
            multi.locationOf(new ShardId("big-" + i)));
      }
    }
  }

  @Test
  void aStreamingPutThatFillsItsDirectoryMovesToAnotherAndLeavesNothingBehind() throws IOException {
    List<Path> roots = roots("spill", 2);
    Path small = roots.getFirst().toAbsolutePath();
    long smallDisk = 5L << 20;
    FileShardStore.DiskSpace space =
        d -> d.startsWith(small) ? smallDisk : FileShardStore.usableSpace(d);
    try (MultiDirShardStore multi = open(roots, List.of(64L << 20, 64L << 20), space)) {
      String id = idWhoseFirstChoiceIs(multi, small, 4L << 20);
      byte[] data = TestShards.bytes(9 << 20, 302);
      ShardSpec spec = TestShards.spec(data, CHUNK, merkle);
      assertTrue(putDeferred(multi, id, data, spec).created());
      assertEquals(Optional.of(roots.get(1).toAbsolutePath()), multi.locationOf(new ShardId(id)));
      assertArrayEquals(data, readAll(multi, id));
      assertEquals(spec, multi.stat(new ShardId(id)).orElseThrow().spec());
      assertEquals(0, files(small.resolve("tmp")));
      assertEquals(0, multi.usage().reservedBytes());
      assertEquals(0, multi.directories().getFirst().usage().usedBytes());
    }
  }

  @Test
  void aPutThatFitsNoDirectoryIsInsufficientStorageWithNothingKeptAnywhere() throws IOException {
    List<Path> roots = roots("none", 3);
    try (MultiDirShardStore multi =
        open(roots, List.of(20_000L, 20_000L, 20_000L), FileShardStore::usableSpace)) {
      byte[] data = TestShards.bytes(30_000, 303);
      AgentException header = assertThrows(AgentException.class, () -> put(multi, "x", data, 999));
      assertEquals(AgentError.INSUFFICIENT_STORAGE, header.error());
      AgentException streamed =
          assertThrows(
              AgentException.class,
              () -> putDeferred(multi, "y", data, TestShards.spec(data, CHUNK, merkle)));
      assertEquals(AgentError.INSUFFICIENT_STORAGE, streamed.error());
      assertEquals(new StoreUsage(60_000, 0, 0, 0), multi.usage());
      for (Path root : roots) {
        assertEquals(0, files(root.resolve("tmp")));
      }
    }
  }

  @Test
  void anIdenticalRePutLandingInAnotherDirectoryKeepsTheFirstCopy() {
    List<Path> roots = roots("reput", 2);
    Path first = roots.getFirst().toAbsolutePath();
    boolean[] firstFull = {false};
    FileShardStore.DiskSpace space =
        d -> firstFull[0] && d.startsWith(first) ? 0 : FileShardStore.usableSpace(d);
    try (MultiDirShardStore multi = open(roots, List.of(CAPACITY, CAPACITY), space)) {
      String id = idWhoseFirstChoiceIs(multi, first, CHUNK);
      byte[] data = TestShards.bytes(CHUNK, 304);
      assertTrue(put(multi, id, data, 1000).created());
      firstFull[0] = true;
      assertFalse(put(multi, id, data, 1000).created());
      AgentException e =
          assertThrows(
              AgentException.class, () -> put(multi, id, TestShards.bytes(CHUNK, 305), 1000));
      assertEquals(AgentError.CONFLICT, e.error());
      assertEquals(1, multi.usage().shardCount());
      assertEquals(Optional.of(first), multi.locationOf(new ShardId(id)));
    }
  }

  @Test
  void listingMergesEveryDirectoryInOrderAcrossPages() {
    List<Path> roots = roots("merge", 3);
    try (MultiDirShardStore multi = evenStore(roots)) {
      List<ShardId> all = new ArrayList<>();
      for (int i = 0; i < 41; i++) {
        put(multi, "m" + i, TestShards.bytes(64 + i, 400 + i), 1000);
        all.add(new ShardId("m" + i));
      }
      all.sort(Comparator.comparing(FileShardStore::listingKey));
      assertEquals(
          3, all.stream().map(id -> multi.locationOf(id).orElseThrow()).distinct().count());

      List<ShardId> listed = new ArrayList<>();
      Optional<ShardId> cursor = Optional.empty();
      do {
        ShardPage page = multi.list(cursor, 6);
        assertTrue(page.shards().size() <= 6);
        page.shards().forEach(s -> listed.add(s.id()));
        cursor = page.next();
      } while (cursor.isPresent());
      assertEquals(all, listed);

      List<ShardId> walked = new ArrayList<>();
      cursor = Optional.empty();
      do {
        ShardIdPage page = multi.ids(cursor, 5);
        walked.addAll(page.ids());
        cursor = page.next();
      } while (cursor.isPresent());
      assertEquals(all, walked);
    }
  }

  @Test
  void aDirectoryWithAnIoErrorTakesNoNewShardsAndTheErrorIsCounted() {
    List<Path> roots = roots("failing", 2);
    Path failing = roots.getFirst().toAbsolutePath();
    FileShardStore.DiskSpace space =
        d -> {
          if (d.startsWith(failing)) {
            throw new IOException("Input/output error");
          }
          return FileShardStore.usableSpace(d);
        };
    try (MultiDirShardStore multi = open(roots, List.of(CAPACITY, CAPACITY), space)) {
      String id = idWhoseFirstChoiceIs(multi, failing, CHUNK);
      put(multi, id, TestShards.bytes(CHUNK, 500), 1000);
      assertEquals(Optional.of(roots.get(1).toAbsolutePath()), multi.locationOf(new ShardId(id)));
      assertEquals(1, reported.size());
      MultiDirShardStore.Directory bad = multi.directories().getFirst();
      assertFalse(bad.acceptingWrites());
      assertEquals(1, bad.diskErrors());
      assertEquals(
          List.of(roots.get(1).toAbsolutePath()), multi.placementOrder(new ShardId(id), 1));
      // Its free space is no longer offered.
      assertEquals(CAPACITY, multi.usage().capacityBytes());
    }
  }

  @Test
  void theScrubberFindsAFlippedBitInTheSecondDirectoryAndQuarantinesItThere() throws Exception {
    List<Path> roots = roots("scrub", 2);
    try (MultiDirShardStore multi = evenStore(roots)) {
      Path second = roots.get(1).toAbsolutePath();
      String victim = idWhoseFirstChoiceIs(multi, second, 3 * CHUNK);
      put(multi, victim, TestShards.bytes(3 * CHUNK, 600), 4096);
      assertEquals(Optional.of(second), multi.locationOf(new ShardId(victim)));
      for (int i = 1; i < 12; i++) {
        put(multi, "sc" + i, TestShards.bytes(3 * CHUNK, 600 + i), 4096);
      }
      Path file = multi.fileOf(new ShardId(victim));
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        long offset = raf.length() - 8 - 3 * 4 - 10;
        raf.seek(offset);
        int b = raf.read();
        raf.seek(offset);
        raf.write(b ^ 0x10);
      }
      AgentMetrics metrics = new AgentMetrics(new PrometheusRegistry(), multi::usage);
      FakeTime time = new FakeTime();
      Scrubber scrubber =
          new Scrubber(
              multi,
              metrics,
              new Quarantine(multi, metrics),
              new ScrubRateLimiter(1L << 30, time::nanoTime, time));
      Scrubber.Step pass = scrubber.runPass();
      assertEquals(12, pass.shardsChecked());
      assertEquals(1, pass.corruptFound());
      assertEquals(1, metrics.corruptShardCount());
      assertTrue(multi.stat(new ShardId(victim)).isEmpty());
      assertEquals(11, multi.list(Optional.empty(), 100).shards().size());
      try (Stream<Path> q = Files.list(second.resolve("quarantine"))) {
        assertTrue(q.anyMatch(p -> p.getFileName().toString().startsWith(victim + ".")));
      }
      assertEquals(0, files(roots.getFirst().resolve("quarantine")));
    }
  }

  /** An id for which {@code root} is the first directory tried (placement is deterministic). */
  private static String idWhoseFirstChoiceIs(MultiDirShardStore multi, Path root, long room) {
    for (int i = 0; ; i++) {
      String id = "pick-" + i;
      if (multi.placementOrder(new ShardId(id), room).getFirst().equals(root)) {
        return id;
      }
    }
  }
}
