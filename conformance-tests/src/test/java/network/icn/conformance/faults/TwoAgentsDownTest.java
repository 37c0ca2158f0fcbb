package network.icn.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import network.icn.conformance.S3Target;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import network.icn.placement.api.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Any two of eight agents stopped (4+2 tolerates two lost shards): every GET succeeds; PUTs succeed
 * while placement still lists the stopped agents ACTIVE (an attempt that misses the write quorum is
 * a retryable 503 the SDK's default retries hide) and, once placement has withdrawn them, with no
 * 503 at all.
 */
@Timeout(150)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TwoAgentsDownTest {
  /** Agents heartbeat every second; three silent seconds make placement suspect one. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final int MIB = 1 << 20;

  /** Inline (≤ 4 KiB), one stripe, one segment, several segments (1 MiB segments). */
  private static final int[] SIZES = {
    0, 1, 4096, 4097, 200_000, MIB, 3 * MIB, 3 * MIB + 54_321,
  };

  @TempDir static Path dir;
  private S3Target target;
  private LocalCluster cluster;
  private S3Client s3;
  private final Faults.AttemptLog attempts = new Faults.AttemptLog();
  private final String bucket = S3Target.bucketName("two-down");
  private final Map<String, byte[]> objects = new LinkedHashMap<>();
  private long seed;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.inProcess(dir, Faults.eightAgents().withHeartbeat(HEARTBEAT));
    cluster = target.local().orElseThrow().cluster();
    s3 = Faults.client(target, attempts, true);
    s3.createBucket(b -> b.bucket(bucket));
    seed = Faults.seed("two-down");
    SplittableRandom random = new SplittableRandom(seed);
    for (int size : SIZES) {
      String key = "obj-" + size;
      byte[] body = Faults.body(random, size);
      Faults.put(s3, bucket, key, body);
      objects.put(key, body);
    }
  }

  @AfterAll
  void stop() {
    if (s3 != null) {
      s3.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @AfterEach
  void heal() throws Exception {
    Faults.healAll(cluster);
  }

  @Test
  void everyGetSucceedsWithAnyTwoAgentsStopped() throws Exception {
    Set<List<Integer>> pairs = new LinkedHashSet<>();
    // Pairs that hold shards of the same segment: two data shards of the largest object's first
    // segment (every stripe then decodes from parity), a data and a parity shard of its last.
    ObjectRecord big = Faults.record(cluster, bucket, "obj-" + (3 * MIB + 54_321));
    List<Integer> first = Faults.holders(cluster, big.layout().segments().getFirst());
    List<Integer> last = Faults.holders(cluster, big.layout().segments().getLast());
    pairs.add(pair(first.get(0), first.get(1)));
    pairs.add(pair(last.get(0), last.get(5)));
    ObjectRecord small = Faults.record(cluster, bucket, "obj-200000");
    List<Integer> one = Faults.holders(cluster, small.layout().segments().getFirst());
    pairs.add(pair(one.get(2), one.get(4)));
    // A fixed sample of the 28 pairs, then random ones from the logged seed.
    pairs.add(pair(0, 1));
    pairs.add(pair(3, 6));
    pairs.add(pair(2, 7));
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
    while (pairs.size() < 10) {
      int a = random.nextInt(8);
      int b = random.nextInt(8);
      if (a != b) {
        pairs.add(pair(a, b));
      }
    }
    for (List<Integer> p : pairs) {
      cluster.stopAgents(p.get(0), p.get(1));
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        Faults.assertReadsBack(s3, bucket, e.getKey(), e.getValue());
      }
      cluster.agent(p.get(0)).start();
      cluster.agent(p.get(1)).start();
    }
    System.out.println(
        "two-down: "
            + objects.size()
            + " objects read back exactly with each of "
            + pairs.size()
            + " agent pairs stopped: "
            + pairs);
  }

  @Test
  void putsSucceedWhilePlacementStillListsTheStoppedAgentsAndAfterItWithdrawsThem()
      throws Exception {
    SplittableRandom random = new SplittableRandom(seed ^ 0xB007);
    int a = random.nextInt(8);
    int b = (a + 1 + random.nextInt(7)) % 8;
    String nodeA = cluster.agent(a).nodeId();
    String nodeB = cluster.agent(b).nodeId();
    cluster.stopAgents(a, b);

    // Phase 1: placement has not noticed (liveness is evaluated only when this test says so), so
    // about half of all placements name both stopped agents. The default client must hide that.
    assertEquals(NodeState.ACTIVE, state(nodeA));
    assertEquals(NodeState.ACTIVE, state(nodeB));
    attempts.clear();
    Map<String, byte[]> written = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      String key = "during-" + i;
      byte[] body = Faults.body(random, i % 4 == 3 ? 2 * MIB + 1234 : 5_000 + i * 40_000);
      Faults.put(s3, bucket, key, body);
      written.put(key, body);
    }
    List<Integer> phase1 = attempts.statuses("PutObject");
    long hidden = phase1.stream().filter(s -> s == 503).count();
    assertTrue(
        phase1.stream().allMatch(s -> s == 200 || s == 503),
        "every PUT attempt is a 200 or a retryable 503: " + phase1);
    assertEquals(16, phase1.stream().filter(s -> s == 200).count(), phase1.toString());
    assertEquals(NodeState.ACTIVE, state(nodeA), "placement must not have noticed yet");
    assertEquals(NodeState.ACTIVE, state(nodeB), "placement must not have noticed yet");
    System.out.println(
        "two-down: agents "
            + a
            + " and "
            + b
            + " stopped, still ACTIVE in placement: 16 PUTs succeeded with the default client, "
            + hidden
            + " attempt(s) answered 503 and were retried");

    // Phase 2: placement withdraws them (SUSPECT: no new shards). The gateway's own suspicion is
    // cleared first, so only placement's view steers; each PUT is now a single attempt.
    awaitWithdrawn(nodeA, nodeB);
    cluster.context().suspects().reached(nodeA);
    cluster.context().suspects().reached(nodeB);
    attempts.clear();
    long droppedBefore = cluster.stats().droppedShards();
    try (S3Client once = Faults.client(target, attempts, false)) {
      for (int i = 0; i < 16; i++) {
        String key = "after-" + i;
        byte[] body = Faults.body(random, i % 4 == 3 ? 2 * MIB + 99 : 3_000 + i * 40_000);
        Faults.put(once, bucket, key, body);
        written.put(key, body);
        for (SegmentRecord segment : Faults.record(cluster, bucket, key).layout().segments()) {
          for (ShardRecord shard : segment.shards()) {
            String node = shard.nodeId().toLowerCase(Locale.ROOT);
            assertFalse(
                node.equals(nodeA.toLowerCase(Locale.ROOT))
                    || node.equals(nodeB.toLowerCase(Locale.ROOT)),
                key + " has a shard on a withdrawn agent");
          }
        }
      }
    }
    List<Integer> phase2 = attempts.statuses("PutObject");
    assertEquals(Collections.nCopies(16, 200), phase2, "no retries, no 503");
    assertEquals(droppedBefore, cluster.stats().droppedShards(), "no shard was dropped");

    for (Map.Entry<String, byte[]> e : written.entrySet()) {
      Faults.assertReadsBack(s3, bucket, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, byte[]> e : objects.entrySet()) {
      Faults.assertReadsBack(s3, bucket, e.getKey(), e.getValue());
    }
  }

  private static List<Integer> pair(int a, int b) {
    return List.of(Math.min(a, b), Math.max(a, b));
  }

  private NodeState state(String nodeId) {
    return cluster.placement().node(nodeId).orElseThrow().state();
  }

  /**
   * Evaluates placement's liveness until both stopped agents are out of placement and the six
   * running ones are all ACTIVE (a running agent flagged by a late heartbeat recovers at its next).
   */
  private void awaitWithdrawn(String nodeA, String nodeB) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      cluster.placement().checkLiveness();
      boolean stoppedOut = state(nodeA) != NodeState.ACTIVE && state(nodeB) != NodeState.ACTIVE;
      long activeOthers =
          cluster.placement().nodes().stream()
              .filter(n -> n.state() == NodeState.ACTIVE)
              .filter(
                  n -> !n.nodeId().equalsIgnoreCase(nodeA) && !n.nodeId().equalsIgnoreCase(nodeB))
              .count();
      if (stoppedOut && activeOthers == 6) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("placement did not withdraw the stopped agents within 30 s");
  }
}
