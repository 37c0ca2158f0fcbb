package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's local failure detector on an 8-agent 4+2 cluster, where placement still lists
 * stopped agents as ACTIVE (no liveness checks): shards go around nodes this gateway could not
 * reach, so a write fails at most once per pair of newly stopped agents.
 */
@Timeout(120)
class SuspectAvoidanceTest {
  private static final String BUCKET = "suspects";

  @TempDir Path dir;
  private LocalCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small().withAgents(8));
    cluster.createBucket(BUCKET);
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private ObjectRecord put(String key, byte[] data) {
    return cluster
        .store()
        .put(PutObjectRequest.of(BUCKET, key, data.length), new ByteArrayInputStream(data));
  }

  private static Set<String> nodesOf(ObjectRecord record) {
    Set<String> nodes = new java.util.TreeSet<>();
    for (SegmentRecord segment : record.layout().segments()) {
      for (ShardRecord shard : segment.shards()) {
        nodes.add(shard.nodeId().toLowerCase(Locale.ROOT));
      }
    }
    return nodes;
  }

  @Test
  void shardsArePlacedAroundSuspectNodes() {
    String a = cluster.agent(2).nodeId();
    String b = cluster.agent(5).nodeId();
    cluster.stopAgents(2, 5);
    cluster.context().suspects().unreachable(a);
    cluster.context().suspects().unreachable(b);
    for (int i = 0; i < 12; i++) {
      byte[] data = TestBodies.random(i, 100_000 + i * 250_000);
      ObjectRecord record = put("k" + i, data);
      Set<String> nodes = nodesOf(record);
      assertTrue(
          !nodes.contains(a.toLowerCase(Locale.ROOT))
              && !nodes.contains(b.toLowerCase(Locale.ROOT)),
          "shards on a suspect node: " + nodes);
      byte[] back = TestBodies.read(cluster.store(), BUCKET, "k" + i, Optional.empty());
      assertEquals(
          TestBodies.sha256(data, 0, data.length), TestBodies.sha256(back, 0, back.length));
      for (SegmentRecord segment : record.layout().segments()) {
        assertEquals(6, segment.shards().size(), "never fewer shards than k + m");
      }
    }
    assertTrue(cluster.stats().suspectsAvoided() > 0);
    assertEquals(0, cluster.stats().droppedShards(), "no shard was sent to a stopped node");
  }

  @Test
  void aWriteThatMissedItsQuorumOnStoppedNodesIsNotRepeatedByTheNext() {
    String a = cluster.agent(0).nodeId();
    String b = cluster.agent(7).nodeId();
    cluster.stopAgents(0, 7);
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] data = TestBodies.random(100 + i, 300_000);
      try {
        put("w" + i, data);
        byte[] back = TestBodies.read(cluster.store(), BUCKET, "w" + i, Optional.empty());
        assertEquals(
            TestBodies.sha256(data, 0, data.length), TestBodies.sha256(back, 0, back.length));
      } catch (ObjectException e) {
        assertEquals(ObjectError.WRITE_QUORUM_NOT_MET, e.error(), e.getMessage());
        failed.add(i);
        assertTrue(cluster.context().suspects().isSuspect(a), "a failed connect marks the node");
        assertTrue(cluster.context().suspects().isSuspect(b), "a failed connect marks the node");
      }
    }
    // A failure needs both stopped nodes in one placement while neither is suspect yet; after it
    // both are, so at most the first such write fails.
    assertTrue(failed.size() <= 1, "writes that failed: " + failed);
  }

  @Test
  void withTooFewOtherNodesTheSuspectsAreTriedAndThoseThatAnswerAreCleared() {
    List<String> marked = new ArrayList<>();
    for (int i : new int[] {1, 3, 6}) {
      marked.add(cluster.agent(i).nodeId().toLowerCase(Locale.ROOT));
      cluster.context().suspects().unreachable(cluster.agent(i).nodeId());
    }
    // 5 unsuspected nodes cannot hold 6 shards: placement's own answer stands, never fewer shards.
    byte[] data = TestBodies.random(3, 200_000);
    ObjectRecord record = put("fallback", data);
    Set<String> used = nodesOf(record);
    assertEquals(6, used.size());
    for (String node : marked) {
      assertEquals(
          !used.contains(node),
          cluster.context().suspects().isSuspect(node),
          "a suspect that acknowledged a shard is cleared, the others stay suspect: " + node);
    }
    assertEquals(0, cluster.stats().suspectsAvoided());
  }
}
