package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synced writes share WAL syncs: many concurrent commits are all durable and readable when their
 * calls return, with far fewer syncs than commits; a reopened engine has every acknowledged batch.
 */
class RocksGroupCommitTest {
  @TempDir Path dir;

  @Test
  void concurrentSyncedWritesShareWalSyncsAndAllSurviveAReopen() throws Exception {
    int writers = 64;
    int perWriter = 20;
    try (RocksKvEngine engine = RocksKvEngine.open(dir, true)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                      KvBatch batch = new KvBatch();
                      batch.put(KvColumn.OBJECTS, key(writer, i), value(writer, i));
                      engine.write(batch);
                      // acknowledged: readable at once
                      assertArrayEquals(
                          value(writer, i), engine.get(KvColumn.OBJECTS, key(writer, i)));
                    }
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
      }
      long commits = (long) writers * perWriter;
      long syncs = engine.walSyncs();
      assertTrue(syncs >= 1, "every synced write ends in a WAL sync");
      assertTrue(syncs < commits, "concurrent commits share syncs: " + syncs + " for " + commits);
    }
    try (RocksKvEngine reopened = RocksKvEngine.open(dir, true)) {
      for (int w = 0; w < writers; w++) {
        for (int i = 0; i < perWriter; i++) {
          assertArrayEquals(value(w, i), reopened.get(KvColumn.OBJECTS, key(w, i)));
        }
      }
    }
  }

  @Test
  void withoutSyncNoWalSyncRuns() {
    try (RocksKvEngine engine = RocksKvEngine.open(dir, false)) {
      KvBatch batch = new KvBatch();
      batch.put(KvColumn.OBJECTS, key(0, 0), value(0, 0));
      engine.write(batch);
      assertArrayEquals(value(0, 0), engine.get(KvColumn.OBJECTS, key(0, 0)));
      assertEquals(0, engine.walSyncs());
    }
  }

  private static byte[] key(int writer, int i) {
    return ("k/" + writer + "/" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int writer, int i) {
    return ("v" + writer + ":" + i + ":" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8);
  }
}
