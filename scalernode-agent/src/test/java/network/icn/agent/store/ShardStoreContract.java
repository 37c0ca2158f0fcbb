package network.icn.agent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ShardStore} shares; one subclass per implementation. */
abstract class ShardStoreContract {
  static final int CHUNK = 4096;
  static final long CAPACITY = 4L * 1024 * 1024;
  final ErasureShardMerkle merkle = new ErasureShardMerkle();
  ShardStore store;

  /** A fresh, empty store offering {@code capacity} bytes that verifies Merkle roots. */
  abstract ShardStore newStore(long capacity);

  @BeforeEach
  void openStore() {
    store = newStore(CAPACITY);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  PutOutcome put(String id, byte[] data) {
    return put(store, id, data, 1000);
  }

  PutOutcome put(ShardStore target, String id, byte[] data, int pieceSize) {
    ShardSpec spec = TestShards.spec(data, CHUNK, merkle);
    try (ShardWriter writer = target.create(new ShardId(id), spec)) {
      for (int off = 0; off < data.length; off += pieceSize) {
        writer.write(ByteBuffer.wrap(data, off, Math.min(pieceSize, data.length - off)));
      }
      return writer.commit();
    }
  }

  byte[] read(String id) {
    try (ShardReader reader = store.open(new ShardId(id))) {
      ShardSpec spec = reader.info().spec();
      ByteBuffer all = ByteBuffer.allocate((int) spec.size());
      for (int i = 0; i < spec.chunkCount(); i++) {
        reader.readChunk(i, all);
      }
      return all.array();
    }
  }

  @Test
  void putThenGetReturnsTheSameBytes() {
    byte[] data = TestShards.bytes(3 * CHUNK + 17, 1);
    PutOutcome outcome = put("shard-a", data);
    assertTrue(outcome.created());
    assertEquals(data.length, outcome.info().size());
    assertArrayEquals(data, read("shard-a"));
  }

  @Test
  void readOfOneChunkReturnsJustThatRange() {
    byte[] data = TestShards.bytes(3 * CHUNK + 5, 2);
    put("ranged", data);
    try (ShardReader reader = store.open(new ShardId("ranged"))) {
      ByteBuffer last = ByteBuffer.allocate(CHUNK);
      reader.readChunk(3, last);
      assertEquals(5, last.position());
      byte[] expected = new byte[5];
      System.arraycopy(data, 3 * CHUNK, expected, 0, 5);
      byte[] actual = new byte[5];
      last.flip().get(actual);
      assertArrayEquals(expected, actual);
    }
  }

  @Test
  void statReportsTheDeclaredSpec() {
    byte[] data = TestShards.bytes(CHUNK, 3);
    put("stat-me", data);
    ShardInfo info = store.stat(new ShardId("stat-me")).orElseThrow();
    assertEquals(TestShards.spec(data, CHUNK, merkle), info.spec());
    assertEquals(Optional.empty(), store.stat(new ShardId("absent")));
  }

  @Test
  void putOfAnIdenticalShardIsIdempotent() {
    byte[] data = TestShards.bytes(2 * CHUNK, 4);
    assertTrue(put("same", data).created());
    PutOutcome again = put("same", data);
    assertFalse(again.created());
    assertEquals(1, store.usage().shardCount());
    assertArrayEquals(data, read("same"));
  }

  @Test
  void putOfADifferentShardUnderTheSameIdConflicts() {
    put("taken", TestShards.bytes(CHUNK, 5));
    AgentException e =
        assertThrows(AgentException.class, () -> put("taken", TestShards.bytes(CHUNK, 6)));
    assertEquals(AgentError.CONFLICT, e.error());
  }

  @Test
  void chunkWithWrongCrcIsRejectedAndNothingIsKept() {
    byte[] data = TestShards.bytes(2 * CHUNK, 7);
    ShardSpec good = TestShards.spec(data, CHUNK, merkle);
    ShardSpec bad =
        new ShardSpec(
            good.size(),
            CHUNK,
            ChunkChecksums.of(good.chunkCrcs().get(0), good.chunkCrcs().get(1) ^ 1),
            good.merkleRoot());
    AgentException e =
        assertThrows(
            AgentException.class,
            () -> {
              try (ShardWriter w = store.create(new ShardId("bad-crc"), bad)) {
                w.write(ByteBuffer.wrap(data));
                w.commit();
              }
            });
    assertEquals(AgentError.CHECKSUM_MISMATCH, e.error());
    assertTrue(store.stat(new ShardId("bad-crc")).isEmpty());
    assertEquals(0, store.usage().usedBytes());
    assertEquals(0, store.usage().reservedBytes());
  }

  @Test
  void wrongMerkleRootIsRejected() {
    byte[] data = TestShards.bytes(2 * CHUNK, 8);
    ShardSpec good = TestShards.spec(data, CHUNK, merkle);
    ShardSpec bad =
        new ShardSpec(
            good.size(),
            CHUNK,
            good.chunkCrcs(),
            TestShards.spec(TestShards.bytes(10, 9), CHUNK, merkle).merkleRoot());
    AgentException e =
        assertThrows(
            AgentException.class,
            () -> {
              try (ShardWriter w = store.create(new ShardId("bad-root"), bad)) {
                w.write(ByteBuffer.wrap(data));
                w.commit();
              }
            });
    assertEquals(AgentError.CHECKSUM_MISMATCH, e.error());
    assertTrue(store.stat(new ShardId("bad-root")).isEmpty());
  }

  @Test
  void shortBodyIsRejectedAtCommit() {
    byte[] data = TestShards.bytes(2 * CHUNK, 10);
    ShardSpec spec = TestShards.spec(data, CHUNK, merkle);
    try (ShardWriter w = store.create(new ShardId("short"), spec)) {
      w.write(ByteBuffer.wrap(data, 0, CHUNK));
      AgentException e = assertThrows(AgentException.class, w::commit);
      assertEquals(AgentError.CHECKSUM_MISMATCH, e.error());
    }
    assertTrue(store.stat(new ShardId("short")).isEmpty());
  }

  @Test
  void abandonedWriteLeavesNothingAndFreesItsReservation() {
    byte[] data = TestShards.bytes(2 * CHUNK, 11);
    try (ShardWriter w =
        store.create(new ShardId("abandoned"), TestShards.spec(data, CHUNK, merkle))) {
      w.write(ByteBuffer.wrap(data, 0, 100));
      assertTrue(store.usage().reservedBytes() > 0);
    }
    assertTrue(store.stat(new ShardId("abandoned")).isEmpty());
    assertEquals(0, store.usage().reservedBytes());
  }

  @Test
  void deleteRemovesTheShardAndItsUsage() {
    put("doomed", TestShards.bytes(CHUNK, 12));
    assertTrue(store.delete(new ShardId("doomed")));
    assertFalse(store.delete(new ShardId("doomed")));
    assertTrue(store.stat(new ShardId("doomed")).isEmpty());
    assertEquals(0, store.usage().usedBytes());
    AgentException e = assertThrows(AgentException.class, () -> store.open(new ShardId("doomed")));
    assertEquals(AgentError.NOT_FOUND, e.error());
  }

  @Test
  void listingPagesVisitEveryShardExactlyOnce() {
    Set<ShardId> written = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      put("s" + i, TestShards.bytes(100 + i, i));
      written.add(new ShardId("s" + i));
    }
    List<ShardId> seen = new ArrayList<>();
    Optional<ShardId> cursor = Optional.empty();
    int pages = 0;
    do {
      ShardPage page = store.list(cursor, 5);
      page.shards().forEach(s -> seen.add(s.id()));
      cursor = page.next();
      pages++;
    } while (cursor.isPresent() && pages < 100);
    assertEquals(23, seen.size());
    assertEquals(written, new HashSet<>(seen));
  }

  @Test
  void idPagesVisitTheSameShardsInTheSameOrderAsListing() {
    for (int i = 0; i < 13; i++) {
      put("i" + i, TestShards.bytes(50 + i, 40 + i));
    }
    List<ShardId> listed =
        store.list(Optional.empty(), 100).shards().stream().map(ShardInfo::id).toList();
    List<ShardId> walked = new ArrayList<>();
    Optional<ShardId> cursor = Optional.empty();
    int pages = 0;
    do {
      ShardIdPage page = store.ids(cursor, 4);
      walked.addAll(page.ids());
      cursor = page.next();
      pages++;
    } while (cursor.isPresent() && pages < 100);
    assertEquals(13, listed.size());
    assertEquals(listed, walked);
  }

  @Test
  void putBeyondOfferedCapacityIsInsufficientStorage() {
    ShardStore small = newStore(10_000);
    try {
      put(small, "fits", TestShards.bytes(5000, 13), 1000);
      AgentException e =
          assertThrows(
              AgentException.class, () -> put(small, "too-big", TestShards.bytes(6000, 14), 1000));
      assertEquals(AgentError.INSUFFICIENT_STORAGE, e.error());
      assertTrue(small.stat(new ShardId("too-big")).isEmpty());
      assertEquals(1, small.usage().shardCount());
    } finally {
      small.close();
    }
  }

  /** Writes {@code data} with the spec given only at the commit (the trailer mode). */
  PutOutcome putDeferred(ShardStore target, String id, byte[] data, ShardSpec spec) {
    try (ShardWriter writer = target.createDeferred(new ShardId(id), CHUNK)) {
      for (int off = 0; off < data.length; off += 1000) {
        writer.write(ByteBuffer.wrap(data, off, Math.min(1000, data.length - off)));
      }
      return writer.commit(spec);
    }
  }

  @Test
  void deferredSpecWriteStoresTheShardAndIsIdempotent() {
    byte[] data = TestShards.bytes(5 * CHUNK + 77, 40);
    ShardSpec spec = TestShards.spec(data, CHUNK, merkle);
    assertTrue(putDeferred(store, "later", data, spec).created());
    assertEquals(spec, store.stat(new ShardId("later")).orElseThrow().spec());
    assertArrayEquals(data, read("later"));
    long used = store.usage().usedBytes();
    assertFalse(putDeferred(store, "later", data, spec).created());
    assertEquals(used, store.usage().usedBytes());
    assertEquals(0, store.usage().reservedBytes());
    byte[] other = TestShards.bytes(5 * CHUNK + 77, 41);
    AgentException e =
        assertThrows(
            AgentException.class,
            () -> putDeferred(store, "later", other, TestShards.spec(other, CHUNK, merkle)));
    assertEquals(AgentError.CONFLICT, e.error());
    assertEquals(0, store.usage().reservedBytes());
  }

  @Test
  void deferredSpecWithAWrongCrcIsRejectedAtTheCommitAndNothingIsKept() {
    byte[] data = TestShards.bytes(3 * CHUNK, 42);
    ShardSpec good = TestShards.spec(data, CHUNK, merkle);
    ShardSpec bad =
        new ShardSpec(
            good.size(),
            CHUNK,
            ChunkChecksums.of(
                good.chunkCrcs().get(0), good.chunkCrcs().get(1), good.chunkCrcs().get(2) ^ 4),
            good.merkleRoot());
    AgentException e =
        assertThrows(AgentException.class, () -> putDeferred(store, "late-bad", data, bad));
    assertEquals(AgentError.CHECKSUM_MISMATCH, e.error());
    assertTrue(store.stat(new ShardId("late-bad")).isEmpty());
    assertEquals(0, store.usage().usedBytes());
    assertEquals(0, store.usage().reservedBytes());
  }

  @Test
  void deferredSpecWriteRunsOutOfCapacityWhileWritingAndReleasesEverything() {
    ShardStore small = newStore(50_000);
    try {
      byte[] data = TestShards.bytes(60_000, 43);
      AgentException e =
          assertThrows(
              AgentException.class,
              () -> putDeferred(small, "grows", data, TestShards.spec(data, CHUNK, merkle)));
      assertEquals(AgentError.INSUFFICIENT_STORAGE, e.error());
      assertTrue(small.stat(new ShardId("grows")).isEmpty());
      assertEquals(0, small.usage().usedBytes());
      assertEquals(0, small.usage().reservedBytes());
      // What does fit still goes in.
      byte[] fits = TestShards.bytes(20_000, 44);
      assertTrue(putDeferred(small, "fits", fits, TestShards.spec(fits, CHUNK, merkle)).created());
    } finally {
      small.close();
    }
  }

  @Test
  void quarantineTakesTheShardOutOfService() {
    put("sick", TestShards.bytes(CHUNK, 15));
    assertTrue(store.quarantine(new ShardId("sick")));
    assertTrue(store.stat(new ShardId("sick")).isEmpty());
    assertEquals(0, store.usage().shardCount());
  }

  @Test
  void usageCountsStoredShards() {
    put("u1", TestShards.bytes(CHUNK, 16));
    put("u2", TestShards.bytes(CHUNK, 17));
    StoreUsage usage = store.usage();
    assertEquals(2, usage.shardCount());
    assertTrue(usage.usedBytes() >= 2 * CHUNK);
    assertEquals(CAPACITY - usage.usedBytes(), usage.freeBytes());
  }
}
