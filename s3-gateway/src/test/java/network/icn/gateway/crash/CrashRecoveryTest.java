package network.icn.gateway.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import network.icn.gateway.gc.GcConfig;
import network.icn.gateway.gc.OrphanSweep;
import network.icn.gateway.metadata.ListObjectsQuery;
import network.icn.gateway.metadata.ObjectSummary;
import network.icn.gateway.metadata.RocksMetadataStore;
import network.icn.gateway.object.ErasureObjectStore;
import network.icn.gateway.object.ObjectSink;
import network.icn.gateway.object.ObjectStats;
import network.icn.gateway.object.WriterContext;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.shard.ShardDeleter;
import network.icn.gateway.testing.ChildJvm;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.SettableClock;
import network.icn.gateway.testing.StaticPlacement;
import network.icn.placement.api.NodeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: kill -9 of the object layer's process in the middle of 50 concurrent writes; after a
 * restart on the same metadata every acknowledged object reads back byte-exact, every listed object
 * is complete, and the GC sweep leaves no unreferenced shard on any agent. The agents run in this
 * JVM (they survive the kill); the writer runs in a child JVM.
 */
class CrashRecoveryTest {
  static final int WRITES = 50;
  static final int KILL_AFTER_ACKS = 12;

  @TempDir Path dir;

  @Test
  void killDuringFiftyConcurrentWritesLosesNoAcknowledgedObjectAndGcRemovesTheOrphans()
      throws Exception {
    try (LocalCluster cluster = LocalCluster.start(dir, LocalCluster.Options.small())) {
      Path metadataDir = dir.resolve("child-metadata");
      String nodes =
          cluster.placement().nodes().stream()
              .map(StaticPlacement.Node::of)
              .map(StaticPlacement.Node::encode)
              .collect(Collectors.joining(","));
      Path stderr = dir.resolve("child.err");
      Map<String, String> acked = new LinkedHashMap<>();
      int failed = 0;
      boolean done = false;
      Process child = null;
      try {
        child =
            ChildJvm.start(
                CrashWriterMain.class,
                List.of("-Xmx512m"),
                List.of(metadataDir.toString(), nodes, Integer.toString(WRITES), "7"),
                stderr);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            String[] p = line.split(" ");
            acked.put(p[1], p[2]);
            if (acked.size() >= KILL_AFTER_ACKS) {
              break;
            }
          } else if (line.startsWith("FAILED")) {
            failed++;
          } else if (line.startsWith("DONE")) {
            done = true;
            break;
          }
        }
        if (line == null) {
          fail("the child died early: " + Files.readString(stderr));
        }
        ChildJvm.kill(child);
        // Lines the child printed before the kill are still in the pipe.
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            String[] p = line.split(" ");
            acked.put(p[1], p[2]);
          } else if (line.startsWith("DONE")) {
            done = true;
          }
        }
      } finally {
        ChildJvm.kill(child);
      }
      assertTrue(!done && acked.size() < WRITES, "the kill must land mid-way: " + acked.size());
      assertEquals(0, failed, "no write may fail before the kill");

      Clock clock = Clock.systemUTC();
      try (RocksMetadataStore metadata = RocksMetadataStore.open(metadataDir, clock)) {
        NodeDirectory directory = new NodeDirectory(cluster.placement());
        WriterContext ctx =
            new WriterContext(
                cluster.placement(),
                cluster.client(),
                directory,
                metadata,
                cluster.options().config(),
                clock,
                new SplittableRandom(1),
                new ObjectStats());
        ErasureObjectStore store = new ErasureObjectStore(ctx);

        for (Map.Entry<String, String> ack : acked.entrySet()) {
          assertEquals(ack.getValue(), sha256Of(store, ack.getKey()), ack.getKey());
        }
        List<String> listed =
            metadata
                .listObjects(CrashWorkload.BUCKET, new ListObjectsQuery("", "", "", 1000))
                .objects()
                .stream()
                .map(ObjectSummary::key)
                .toList();
        assertTrue(listed.containsAll(acked.keySet()), "every acknowledged object is listed");
        // A write may commit and be killed before printing its ACK: such an object must be whole.
        for (String key : listed) {
          if (!acked.containsKey(key)) {
            assertEquals(
                CrashWorkload.sha256(CrashWorkload.content(key)), sha256Of(store, key), key);
          }
        }
        assertTrue(listed.size() < WRITES, "unfinished writes are not listed");

        GcConfig gc = GcConfig.defaults();
        SettableClock later =
            new SettableClock(Instant.now().plus(gc.gracePeriod()).plus(Duration.ofMinutes(1)));
        OrphanSweep sweep =
            new OrphanSweep(
                cluster.placement(),
                cluster.client(),
                directory,
                metadata,
                ctx.inFlight(),
                later,
                gc);
        OrphanSweep.Result result = sweep.runOnce();
        assertEquals(0, result.nodesFailed());
        new ShardDeleter(
                metadata, cluster.client(), directory, later, ShardDeleter.Settings.defaults())
            .drain(100);

        long stored = 0;
        for (NodeView node : cluster.placement().nodes()) {
          for (String shardId : cluster.agentOf(node.nodeId()).shardIds()) {
            stored++;
            assertTrue(
                metadata.shardOwner(node.nodeId(), shardId).isPresent(),
                "unreferenced shard " + shardId + " left on " + node.nodeId());
          }
        }
        for (String key : listed) {
          assertEquals(CrashWorkload.sha256(CrashWorkload.content(key)), sha256Of(store, key), key);
        }
        System.out.printf(
            "crash test: %d acknowledged, %d listed, %d orphans swept, %d shards left%n",
            acked.size(), listed.size(), result.orphans(), stored);
      }
    }
  }

  private static String sha256Of(ErasureObjectStore store, String key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.get(CrashWorkload.BUCKET, key, Optional.empty(), ObjectSink.of(out));
    return CrashWorkload.sha256(out.toByteArray());
  }
}
