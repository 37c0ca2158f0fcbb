package network.icn.placement.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;

/**
 * Chooses nodes for shards. Deterministic: the same snapshot, seed and segment id give the same
 * nodes, because every call draws from a generator seeded by (configured seed, segment id).
 *
 * <p><b>Fast path</b> (systematic πps sampling): pick one of the snapshot's grouped orders and a
 * uniform start u in [0, 1); shard j goes to the node whose interval of running π sums contains u +
 * j. Every node is chosen with probability exactly π_i = n·free_i / Σfree (capped at 1), and
 * because each HP's nodes are contiguous in the order, an HP with Σπ = s receives ⌊s⌋ or ⌈s⌉
 * shards. The result is kept if it is within the spread caps and every node has room.
 *
 * <p><b>Constrained path</b> otherwise ({@link ConstrainedSelector}): weighted random preference
 * with exact caps via max-flow. Caps are m per HP and per site; if the topology cannot meet them,
 * the smallest feasible caps are used (HP first, then site) and the result reports it.
 */
public final class PlacementPolicy {
  private final long seed;

  public PlacementPolicy(long seed) {
    this.seed = seed;
  }

  /**
   * Chooses {@code n} distinct nodes for a new segment.
   *
   * @throws PlacementException {@code NOT_ENOUGH_NODES} if fewer than n nodes are eligible
   */
  public PolicyResult place(
      RegionSnapshot snapshot, String segmentId, int n, int m, long shardSizeBytes) {
    RandomGenerator random = random(segmentId);
    if (snapshot.size() >= n) {
      RegionSnapshot.Table table = snapshot.table(n, m);
      int[] picks = systematic(snapshot, table, n, shardSizeBytes, random);
      if (picks != null) {
        shuffle(picks, random);
        return new PolicyResult(
            nodes(snapshot, picks),
            maxCount(snapshot.hp, picks),
            maxCount(snapshot.site, picks),
            false);
      }
    }
    int[] candidates = candidates(snapshot, shardSizeBytes, Set.of());
    if (candidates.length < n) {
      throw notEnough(snapshot, n, candidates.length, shardSizeBytes, "");
    }
    var selector =
        new ConstrainedSelector(
            snapshot.hpCount,
            snapshot.siteCount,
            snapshot.hp,
            snapshot.site,
            candidates,
            new int[snapshot.hpCount],
            new int[snapshot.siteCount]);
    int[] picks = selector.select(n, selector.caps(n, m), snapshot.weight, random);
    shuffle(picks, random);
    return new PolicyResult(
        nodes(snapshot, picks), maxCount(snapshot.hp, picks), maxCount(snapshot.site, picks), true);
  }

  /**
   * Chooses {@code count} nodes for lost shards. Holders and excluded nodes are never chosen;
   * holders count toward the spread caps.
   */
  public PolicyResult replace(
      RegionSnapshot snapshot,
      String segmentId,
      int count,
      int m,
      long shardSizeBytes,
      Collection<ShardHolder> holders,
      Set<String> excluded) {
    Set<String> never = new TreeSet<>(excluded);
    holders.forEach(h -> never.add(h.nodeId()));
    int[] candidates = candidates(snapshot, shardSizeBytes, never);
    if (candidates.length < count) {
      throw notEnough(snapshot, count, candidates.length, shardSizeBytes, ", not held or excluded");
    }
    int[] preHp = new int[snapshot.hpCount];
    int[] preSite = new int[snapshot.siteCount];
    for (ShardHolder holder : holders) {
      int h = snapshot.hpIndexOf(holder.hpId());
      int s = snapshot.siteIndexOf(holder.site());
      if (h >= 0) {
        preHp[h]++;
      }
      if (s >= 0) {
        preSite[s]++;
      }
    }
    var selector =
        new ConstrainedSelector(
            snapshot.hpCount,
            snapshot.siteCount,
            snapshot.hp,
            snapshot.site,
            candidates,
            preHp,
            preSite);
    RandomGenerator random = random(segmentId + "\0replacement\0" + String.join(",", never));
    int[] picks = selector.select(count, selector.caps(count, m), snapshot.weight, random);
    shuffle(picks, random);
    List<PolicyNode> chosen = nodes(snapshot, picks);
    Map<String, Integer> perHp = new HashMap<>();
    Map<String, Integer> perSite = new HashMap<>();
    for (ShardHolder holder : holders) {
      perHp.merge(holder.hpId(), 1, Integer::sum);
      perSite.merge(holder.site(), 1, Integer::sum);
    }
    for (PolicyNode node : chosen) {
      perHp.merge(node.hpId(), 1, Integer::sum);
      perSite.merge(node.site(), 1, Integer::sum);
    }
    return new PolicyResult(chosen, max(perHp.values()), max(perSite.values()), true);
  }

  /** Systematic πps sample, or null if it breaks the caps or picks a node without room. */
  private static int[] systematic(
      RegionSnapshot snapshot,
      RegionSnapshot.Table table,
      int n,
      long shardSizeBytes,
      RandomGenerator random) {
    int k = random.nextInt(snapshot.orders.length);
    int[] order = snapshot.orders[k];
    double[] cum = table.cumulative()[k];
    int last = order.length - 1;
    double u = random.nextDouble();
    int[] picks = new int[n];
    int lo = 0;
    for (int j = 0; j < n; j++) {
      if (lo > last) {
        return null;
      }
      double point = u + j;
      int found = Arrays.binarySearch(cum, lo, last + 1, point);
      int t = found >= 0 ? found : -found - 2;
      if (t < lo) {
        t = lo;
      }
      int node = order[t];
      if (snapshot.free[node] < shardSizeBytes) {
        return null;
      }
      picks[j] = node;
      lo = t + 1;
    }
    if (maxCount(snapshot.hp, picks) > table.caps().hp()
        || maxCount(snapshot.site, picks) > table.caps().site()) {
      return null;
    }
    return picks;
  }

  private static int[] candidates(RegionSnapshot snapshot, long shardSizeBytes, Set<String> never) {
    int[] out = new int[snapshot.size()];
    int count = 0;
    for (int i = 0; i < snapshot.size(); i++) {
      if (snapshot.free[i] >= shardSizeBytes && !never.contains(snapshot.nodes[i].nodeId())) {
        out[count++] = i;
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** The largest number of picks sharing a domain; O(n²) without allocation (n is small). */
  static int maxCount(int[] domainOf, int[] picks) {
    int max = 0;
    for (int a = 0; a < picks.length; a++) {
      int d = domainOf[picks[a]];
      int count = 0;
      for (int b = 0; b < picks.length; b++) {
        if (domainOf[picks[b]] == d) {
          count++;
        }
      }
      max = Math.max(max, count);
    }
    return max;
  }

  private static int max(Collection<Integer> values) {
    int max = 0;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static List<PolicyNode> nodes(RegionSnapshot snapshot, int[] picks) {
    List<PolicyNode> out = new ArrayList<>(picks.length);
    for (int p : picks) {
      out.add(snapshot.nodes[p]);
    }
    return out;
  }

  private static void shuffle(int[] a, RandomGenerator random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A generator seeded from (configured seed, key): FNV-1a 64 over UTF-8, then SplitMix64. */
  RandomGenerator random(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    long z = h ^ seed;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  private static PlacementException notEnough(
      RegionSnapshot snapshot, int needed, int eligible, long shardSizeBytes, String extra) {
    return new PlacementException(
        PlacementError.NOT_ENOUGH_NODES,
        "region "
            + snapshot.region()
            + " has "
            + eligible
            + " eligible nodes (ACTIVE, free >= "
            + shardSizeBytes
            + " bytes"
            + extra
            + ") but "
            + needed
            + " are needed");
  }
}
