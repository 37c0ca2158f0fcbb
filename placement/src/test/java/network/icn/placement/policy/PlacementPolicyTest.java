package network.icn.placement.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {
  private static final long SEED = 42;
  private static final long SHARD = 16L << 20;
  private final PlacementPolicy policy = new PlacementPolicy(SEED);

  @Test
  void sixNodesThreeHpsTwoSitesWith4Plus2PutAtMostTwoShardsOnAnyHp() {
    // HP 1 straddles both sites.
    var snapshot =
        new Topology()
            .add(0, 0, 4 * Topology.TB)
            .add(0, 0, 4 * Topology.TB)
            .add(1, 0, 4 * Topology.TB)
            .add(1, 1, 4 * Topology.TB)
            .add(2, 1, 4 * Topology.TB)
            .add(2, 1, 4 * Topology.TB)
            .snapshot(SEED);
    for (int i = 0; i < 1_000; i++) {
      PolicyResult result = policy.place(snapshot, "seg-" + i, 6, 2, SHARD);
      assertEquals(6, distinct(result).size());
      assertTrue(perHp(result).values().stream().allMatch(c -> c <= 2), perHp(result)::toString);
      assertEquals(2, result.maxShardsPerHp());
      // Two sites cannot hold 6 shards with at most 2 each: the achieved spread says so.
      assertEquals(3, result.maxShardsPerSite());
    }
  }

  @Test
  void twelveNodesFourHpsWith8Plus4PutAtMostFourShardsOnAnyHp() {
    var topology = new Topology();
    for (int i = 0; i < 12; i++) {
      topology.add(i % 4, i % 3, (1 + i) * Topology.TB);
    }
    var snapshot = topology.snapshot(SEED);
    for (int i = 0; i < 1_000; i++) {
      PolicyResult result = policy.place(snapshot, "seg-" + i, 12, 4, SHARD);
      assertEquals(12, distinct(result).size());
      assertTrue(result.maxShardsPerHp() <= 4);
      assertEquals(result.maxShardsPerHp(), max(perHp(result)));
    }
  }

  @Test
  void unevenHpSizesWith8Plus4StillPutAtMostFourShardsOnAnyHp() {
    // 20 nodes over 4 HPs of 8, 6, 4 and 2 nodes: sampling alone would often give the big HP 5.
    var topology = new Topology();
    int[] sizes = {8, 6, 4, 2};
    for (int hp = 0; hp < sizes.length; hp++) {
      for (int j = 0; j < sizes[hp]; j++) {
        topology.add(hp, j % 4, (2 + j) * Topology.TB);
      }
    }
    var snapshot = topology.snapshot(SEED);
    for (int i = 0; i < 2_000; i++) {
      PolicyResult result = policy.place(snapshot, "seg-" + i, 12, 4, SHARD);
      assertEquals(12, distinct(result).size());
      assertTrue(max(perHp(result)) <= 4, perHp(result)::toString);
      assertTrue(max(perSite(result)) <= 4, perSite(result)::toString);
    }
  }

  @Test
  void placementFrequencyFollowsFreeCapacityWithinTenPercentOver100000Placements() {
    // 40 nodes, 10 HPs in 5 sites (2 HPs per site), free capacity 1, 2, 4, 8 TB per HP's nodes.
    // With 4+2, every HP's inclusion sum is 6 * 15/150 = 0.6 and every site's 1.2, so the spread
    // caps (2) never bind and the expected share of shards is exactly free_i / Σfree:
    // E[count_i] = placements * π_i with π_i = n * free_i / Σfree, and total shards = placements *
    // n.
    var topology = new Topology();
    long[] free = {1, 2, 4, 8};
    for (int hp = 0; hp < 10; hp++) {
      for (long f : free) {
        topology.add(hp, hp / 2, f * Topology.TB);
      }
    }
    var snapshot = topology.snapshot(SEED);
    double totalFree = 10 * 15 * (double) Topology.TB;
    int placements = 100_000;
    int n = 6;
    Map<String, Integer> counts = new HashMap<>();
    int constrained = 0;
    for (int i = 0; i < placements; i++) {
      PolicyResult result = policy.place(snapshot, "segment-" + i, n, 2, SHARD);
      constrained += result.constrained() ? 1 : 0;
      result.nodes().forEach(node -> counts.merge(node.nodeId(), 1, Integer::sum));
    }
    assertEquals(0, constrained, "the fast path should serve this topology");
    for (PolicyNode node : topology.nodes()) {
      double expectedShare = node.freeBytes() / totalFree;
      double observedShare = counts.getOrDefault(node.nodeId(), 0) / (double) (placements * n);
      double ratio = observedShare / expectedShare;
      assertTrue(
          ratio > 0.9 && ratio < 1.1,
          () -> node + " observed " + observedShare + " expected " + expectedShare);
    }
  }

  @Test
  void fullNodesAreNeverChosen() {
    var topology = new Topology();
    for (int i = 0; i < 30; i++) {
      // Every third node has less free room than a shard (but is otherwise heavy).
      topology.add(i % 6, i % 3, i % 3 == 0 ? SHARD - 1 : (1 + i % 5) * Topology.TB);
    }
    var snapshot = topology.snapshot(SEED);
    Set<String> full = new HashSet<>();
    for (PolicyNode node : topology.nodes()) {
      if (node.freeBytes() < SHARD) {
        full.add(node.nodeId());
      }
    }
    for (int i = 0; i < 5_000; i++) {
      PolicyResult result = policy.place(snapshot, "seg-" + i, 6, 2, SHARD);
      for (PolicyNode node : result.nodes()) {
        assertFalse(full.contains(node.nodeId()), node::toString);
      }
    }
  }

  @Test
  void aNodeWhoseOnlyRoomIsTooSmallMakesPlacementFailWhenItWouldBeNeeded() {
    var snapshot =
        new Topology()
            .add(0, 0, Topology.TB)
            .add(1, 1, Topology.TB)
            .add(2, 2, SHARD - 1)
            .snapshot(SEED);
    var error =
        assertThrows(PlacementException.class, () -> policy.place(snapshot, "s", 3, 1, SHARD));
    assertEquals(PlacementError.NOT_ENOUGH_NODES, error.error());
  }

  @Test
  void fewerEligibleNodesThanShardsFailsWithNotEnoughNodes() {
    var topology = new Topology();
    for (int i = 0; i < 5; i++) {
      topology.add(i, i, Topology.TB);
    }
    var error =
        assertThrows(
            PlacementException.class,
            () -> policy.place(topology.snapshot(SEED), "seg", 6, 2, SHARD));
    assertEquals(PlacementError.NOT_ENOUGH_NODES, error.error());
    assertTrue(error.getMessage().contains("has 5 eligible nodes"), error.getMessage());
    assertTrue(error.getMessage().contains("6 are needed"), error.getMessage());
  }

  @Test
  void sameSeedAndSegmentGiveTheSamePlacement() {
    var topology = new Topology();
    for (int i = 0; i < 50; i++) {
      topology.add(i % 10, i % 5, (1 + i % 7) * Topology.TB);
    }
    var a = topology.snapshot(SEED);
    var b = topology.snapshot(SEED);
    Set<List<PolicyNode>> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      PolicyResult first = new PlacementPolicy(7).place(a, "seg-" + i, 14, 4, SHARD);
      PolicyResult second = new PlacementPolicy(7).place(b, "seg-" + i, 14, 4, SHARD);
      assertEquals(first, second);
      seen.add(first.nodes());
    }
    assertTrue(seen.size() > 90, "different segments should get different nodes");
  }

  @Test
  void crossingDomainsAreSolvedEvenWhenGreedyWouldGetStuck() {
    // HP A / site Y is by far the heaviest, so greedy would take it first and then be stuck at 2
    // (A-X is blocked by HP A, B-Y by site Y). The only valid choice is {A-X, B-Y, C-Z}.
    var snapshot =
        new Topology()
            .add(0, 0, Topology.TB) // A-X
            .add(1, 1, Topology.TB) // B-Y
            .add(2, 2, Topology.TB) // C-Z
            .add(0, 1, 1_000_000 * Topology.TB) // A-Y
            .snapshot(SEED);
    for (int i = 0; i < 200; i++) {
      PolicyResult result = policy.place(snapshot, "seg-" + i, 3, 1, SHARD);
      assertEquals(1, result.maxShardsPerHp());
      assertEquals(1, result.maxShardsPerSite());
      assertFalse(result.nodes().contains(snapshot.node(snapshot.indexOf(Topology.nodeId(3)))));
    }
  }

  @Test
  void replacementAvoidsHoldersAndExcludedNodesAndCountsHoldersTowardTheSpread() {
    var topology = new Topology();
    for (int i = 0; i < 12; i++) {
      topology.add(i % 6, i % 3, Topology.TB);
    }
    var snapshot = topology.snapshot(SEED);
    PolicyResult original = policy.place(snapshot, "seg", 6, 2, SHARD);
    List<PolicyNode> survivors = original.nodes().subList(0, 4);
    Set<String> lost = Set.of(original.nodes().get(4).nodeId(), original.nodes().get(5).nodeId());
    List<ShardHolder> holders =
        survivors.stream().map(p -> new ShardHolder(p.nodeId(), p.hpId(), p.site())).toList();
    PolicyResult repair = policy.replace(snapshot, "seg", 2, 2, SHARD, holders, lost);
    assertEquals(2, repair.nodes().size());
    for (PolicyNode node : repair.nodes()) {
      assertFalse(lost.contains(node.nodeId()));
      assertFalse(survivors.contains(node));
    }
    assertTrue(repair.maxShardsPerHp() <= 2);
    assertTrue(repair.maxShardsPerSite() <= 2);
  }

  @Test
  void inclusionProbabilitiesAreProportionalAndCappedAtOne() {
    double[] pi = RegionSnapshot.inclusion(new double[] {100, 1, 1, 1, 1}, 3);
    assertEquals(1.0, pi[0], 1e-12);
    for (int i = 1; i < 5; i++) {
      assertEquals(0.5, pi[i], 1e-12);
    }
  }

  private static Set<String> distinct(PolicyResult result) {
    Set<String> ids = new HashSet<>();
    result.nodes().forEach(n -> ids.add(n.nodeId()));
    return ids;
  }

  private static Map<String, Integer> perHp(PolicyResult result) {
    Map<String, Integer> out = new HashMap<>();
    result.nodes().forEach(n -> out.merge(n.hpId(), 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> perSite(PolicyResult result) {
    Map<String, Integer> out = new HashMap<>();
    result.nodes().forEach(n -> out.merge(n.site(), 1, Integer::sum));
    return out;
  }

  private static int max(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
