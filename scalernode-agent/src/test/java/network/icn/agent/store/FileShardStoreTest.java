package network.icn.agent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileShardStoreTest extends ShardStoreContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final AtomicInteger DIRS = new AtomicInteger();

  @TempDir Path dir;

  @Override
  ShardStore newStore(long capacity) {
    return open(
        dir.resolve("store-" + DIRS.incrementAndGet()), capacity, FileShardStore::usableSpace);
  }

  private FileShardStore open(Path root, long capacity, FileShardStore.DiskSpace space) {
    return FileShardStore.open(root, capacity, merkle, CLOCK, new SplittableRandom(1), space);
  }

  @Test
  void shardsAndUsageSurviveARestartViaTheIndex() {
    Path root = dir.resolve("restart");
    FileShardStore first = open(root, CAPACITY, FileShardStore::usableSpace);
    byte[] data = TestShards.bytes(3 * CHUNK, 20);
    put(first, "kept", data, 777);
    long used = first.usage().usedBytes();
    first.close();

    FileShardStore second = open(root, CAPACITY, FileShardStore::usableSpace);
    try {
      assertTrue(second.startedFromIndex());
      assertEquals(used, second.usage().usedBytes());
      assertEquals(1, second.usage().shardCount());
      store.close();
      store = second;
      assertArrayEquals(data, read("kept"));
    } finally {
      second.close();
      store = newStore(CAPACITY);
    }
  }

  @Test
  void startupAfterACrashScansAndRemovesTempFiles() throws IOException {
    Path root = dir.resolve("crash");
    FileShardStore first = open(root, CAPACITY, FileShardStore::usableSpace);
    put(first, "survivor", TestShards.bytes(CHUNK, 21), 4096);
    long used = first.usage().usedBytes();
    // Simulate a crash: a half-written temp file and no usage index (close never ran).
    Files.write(root.resolve("tmp").resolve("victim.1234.tmp"), new byte[100]);
    first.close();
    Files.delete(root.resolve("usage.idx"));

    FileShardStore second = open(root, CAPACITY, FileShardStore::usableSpace);
    try {
      assertFalse(second.startedFromIndex());
      assertEquals(used, second.usage().usedBytes());
      assertEquals(1, second.usage().shardCount());
      try (Stream<Path> temps = Files.list(root.resolve("tmp"))) {
        assertEquals(0, temps.count());
      }
    } finally {
      second.close();
    }
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    Path root = dir.resolve("locked");
    FileShardStore first = open(root, CAPACITY, FileShardStore::usableSpace);
    try {
      AgentException e =
          assertThrows(
              AgentException.class, () -> open(root, CAPACITY, FileShardStore::usableSpace));
      assertEquals(AgentError.IO_ERROR, e.error());
    } finally {
      first.close();
    }
  }

  @Test
  void fullDiskIsInsufficientStorageWithNothingLeftBehind() throws IOException {
    Path root = dir.resolve("full");
    FileShardStore full = open(root, CAPACITY, d -> 1000);
    try {
      AgentException e =
          assertThrows(
              AgentException.class, () -> put(full, "no-room", TestShards.bytes(CHUNK, 22), 100));
      assertEquals(AgentError.INSUFFICIENT_STORAGE, e.error());
      try (Stream<Path> temps = Files.list(root.resolve("tmp"))) {
        assertEquals(0, temps.count());
      }
      assertEquals(0, full.usage().shardCount());
    } finally {
      full.close();
    }
  }

  @Test
  void noSpaceLeftOnDeviceMapsToInsufficientStorage() {
    AgentException e =
        FileShardStore.ioFailure("cannot write", new IOException("No space left on device"));
    assertEquals(AgentError.INSUFFICIENT_STORAGE, e.error());
  }

  @Test
  void aFlippedBitIsCaughtOnReadAndNeverReturned() throws IOException {
    FileShardStore fileStore = (FileShardStore) store;
    byte[] data = TestShards.bytes(3 * CHUNK, 23);
    put("flipped", data);
    Path file = fileStore.fileOf(new ShardId("flipped"));
    // Format v2 ends with the CRC table (3 x u32) and the 8-byte footer; go inside chunk 1's data.
    long offset = Files.size(file) - 8 - 3 * 4 - CHUNK - 10;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x10);
    }
    try (ShardReader reader = store.open(new ShardId("flipped"))) {
      ByteBuffer buf = ByteBuffer.allocate(CHUNK);
      reader.readChunk(0, buf);
      buf.clear();
      AgentException e = assertThrows(AgentException.class, () -> reader.readChunk(1, buf));
      assertEquals(AgentError.CORRUPT_SHARD, e.error());
    }
  }

  @Test
  void aTruncatedShardFileIsReportedCorrupt() throws IOException {
    FileShardStore fileStore = (FileShardStore) store;
    put("truncated", TestShards.bytes(2 * CHUNK, 24));
    Path file = fileStore.fileOf(new ShardId("truncated"));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }
    AgentException e =
        assertThrows(AgentException.class, () -> store.open(new ShardId("truncated")));
    assertEquals(AgentError.CORRUPT_SHARD, e.error());
  }

  @Test
  void writesWithoutMerkleVerificationStillCheckChunkCrcs() {
    FileShardStore trusting =
        FileShardStore.open(
            dir.resolve("trusting"),
            CAPACITY,
            null,
            CLOCK,
            new SplittableRandom(2),
            FileShardStore::usableSpace);
    try {
      byte[] data = TestShards.bytes(CHUNK, 25);
      put(trusting, "trusted", data, 4096);
      assertTrue(trusting.stat(new ShardId("trusted")).isPresent());
      ByteBuffer buf = ByteBuffer.wrap(data);
      assertEquals(CHUNK, buf.remaining());
    } finally {
      trusting.close();
    }
  }
}
