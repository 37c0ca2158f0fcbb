package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.RepairTask;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults on a 6-agent 4+2 LocalCluster (64 KiB chunks, 1 MiB segments). */
class ObjectFaultTest {
  private static final String BUCKET = "faults";

  @TempDir static Path dir;
  static LocalCluster cluster;
  static final List<byte[]> bodies = new ArrayList<>();
  static final String[] KEYS = {"small", "one-stripe", "multi-segment"};

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket(BUCKET);
    int[] sizes = {10_000, 200_000, (1 << 20) * 2 + 123_457};
    for (int i = 0; i < KEYS.length; i++) {
      byte[] data = TestBodies.random(100 + i, sizes[i]);
      bodies.add(data);
      put(KEYS[i], data);
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void heal() throws Exception {
    cluster.client().clearAll();
    for (LocalCluster.AgentHandle agent : cluster.agents()) {
      agent.start();
    }
  }

  private static ObjectRecord put(String key, byte[] data) {
    return cluster
        .store()
        .put(PutObjectRequest.of(BUCKET, key, data.length), new ByteArrayInputStream(data));
  }

  private static void assertReadsBack(String key, byte[] expected) {
    byte[] got = TestBodies.read(cluster.store(), BUCKET, key, Optional.empty());
    assertEquals(
        TestBodies.sha256(expected, 0, expected.length),
        TestBodies.sha256(got, 0, got.length),
        key);
  }

  private static List<RepairTask> repairsFor(String key) {
    return cluster.metadata().peekRepairs(10_000).stream()
        .filter(t -> t.key().equals(key))
        .toList();
  }

  @Test
  void withAnyTwoAgentsStoppedEveryObjectReadsBackCorrectly() throws Exception {
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        cluster.stopAgents(a, b);
        for (int i = 0; i < KEYS.length; i++) {
          assertReadsBack(KEYS[i], bodies.get(i));
        }
        byte[] big = bodies.get(2);
        byte[] part =
            TestBodies.read(
                cluster.store(),
                BUCKET,
                KEYS[2],
                Optional.of(new ByteRange.FromTo(1_000_000, 1_500_000)));
        assertEquals(
            TestBodies.sha256(big, 1_000_000, 500_001), TestBodies.sha256(part, 0, part.length));
        cluster.agent(a).start();
        cluster.agent(b).start();
      }
    }
  }

  @Test
  void withThreeAgentsStoppedReadsFailClearlyAndReturnNoBytes() {
    cluster.stopAgents(0, 2, 4);
    for (String key : new String[] {"one-stripe", "multi-segment"}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ObjectException e =
          assertThrows(
              ObjectException.class,
              () -> cluster.store().get(BUCKET, key, Optional.empty(), ObjectSink.of(out)));
      assertEquals(ObjectError.READ_QUORUM_NOT_MET, e.error());
      assertEquals(0, out.size(), "no bytes before the failing stripe");
    }
  }

  @Test
  void writeWithOneAgentDownSucceedsAndQueuesRepair() {
    cluster.stopAgents(3);
    String down = cluster.agent(3).nodeId();
    byte[] data = TestBodies.random(7, 1_500_000);
    ObjectRecord record = put("one-down", data);
    assertReadsBack("one-down", data);
    List<RepairTask> repairs = repairsFor("one-down");
    assertEquals(record.layout().segments().size(), repairs.size());
    for (RepairTask task : repairs) {
      assertEquals(1, task.missingShards().size());
      ShardRecord missing =
          record.layout().segments().stream()
              .filter(s -> s.segmentId().equals(task.segmentId()))
              .findFirst()
              .orElseThrow()
              .shards()
              .get(task.missingShards().getFirst());
      assertTrue(missing.nodeId().equalsIgnoreCase(down));
    }
  }

  @Test
  void writeWithTwoAgentsDownFailsAndLeavesNoOrphanAfterTheDeleterRuns() throws Exception {
    Set<String> before = new HashSet<>(cluster.allShardIds());
    cluster.stopAgents(1, 5);
    byte[] data = TestBodies.random(8, 1_500_000);
    ObjectException e = assertThrows(ObjectException.class, () -> put("two-down", data));
    assertEquals(ObjectError.WRITE_QUORUM_NOT_MET, e.error());
    assertTrue(cluster.metadata().getObject(BUCKET, "two-down").isEmpty());
    cluster.deleter().runOnce();
    Set<String> after = new HashSet<>(cluster.allShardIds());
    after.removeAll(before);
    assertEquals(Set.of(), after, "orphan shards on running agents");
  }

  @Test
  void bitFlipInADataShardIsReadAroundAndReportedForRepair() throws Exception {
    byte[] data = TestBodies.random(9, 600_000);
    ObjectRecord record = put("flipped", data);
    ShardRecord shard = record.layout().segments().getFirst().shards().get(1);
    cluster.agentOf(shard.nodeId()).flipBit(shard.shardId(), 100);
    long corruptBefore = cluster.stats().corruptChunks();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cluster.store().get(BUCKET, "flipped", Optional.empty(), ObjectSink.of(out));
    assertEquals(
        TestBodies.sha256(data, 0, data.length),
        TestBodies.sha256(out.toByteArray(), 0, out.size()));
    // The agent itself verifies chunk CRCs on read and refuses a corrupt first chunk (500), so
    // the gateway sees the shard as unavailable or corrupt; either way it is read around.
    List<RepairTask> repairs = repairsFor("flipped");
    boolean reported = cluster.stats().corruptChunks() > corruptBefore || !repairs.isEmpty();
    assertTrue(reported || cluster.stats().unavailableChunks() > 0);
  }

  @Test
  void aDataNodeThatNeverAnswersIsHedgedAroundWithParity() {
    ObjectRecord record = cluster.store().head(BUCKET, "multi-segment");
    String slow = record.layout().segments().getFirst().shards().getFirst().nodeId();
    cluster.agentOf(slow).hangReads(true);
    long hedgedBefore = cluster.stats().hedgedReads();
    assertReadsBack("multi-segment", bodies.get(2));
    assertTrue(cluster.stats().hedgedReads() > hedgedBefore);
  }

  @Test
  void aFullDiskCostsOneShardAndTheWriteStillCommits() throws Exception {
    cluster.agent(2).fillDisk();
    byte[] data = TestBodies.random(11, 400_000);
    put("full-disk", data);
    assertReadsBack("full-disk", data);
    assertEquals(1, repairsFor("full-disk").size());
    cluster.agent(2).stop();
  }

  @Test
  void injectedWriteFailuresOnThreeNodesFailTheWrite() {
    for (int i = 0; i < 3; i++) {
      cluster.agent(i).failWrites(true);
    }
    ObjectException e =
        assertThrows(
            ObjectException.class, () -> put("three-fail", TestBodies.random(12, 300_000)));
    assertEquals(ObjectError.WRITE_QUORUM_NOT_MET, e.error());
    assertFalse(cluster.metadata().getObject(BUCKET, "three-fail").isPresent());
  }
}
