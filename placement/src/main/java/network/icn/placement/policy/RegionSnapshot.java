package network.icn.placement.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable view of one region's eligible nodes (ACTIVE, free &gt; 0), built when the registry
 * changes and shared by all placement calls until the next change.
 *
 * <p>It holds {@link PlacementLimits#ORDERS} random orders of the nodes, each grouped by site and,
 * inside a site, by HP (sites shuffled, HPs shuffled within a site, nodes shuffled within an HP).
 * For each shard count n it lazily computes the inclusion probabilities π (proportional to free
 * bytes, capped at 1) and their running sums along every order; systematic sampling then needs only
 * n binary searches per placement.
 */
public final class RegionSnapshot {
  final String region;
  final PolicyNode[] nodes;
  final int[] hp;
  final int[] site;
  final long[] free;
  final double[] weight;
  final int hpCount;
  final int siteCount;
  final int[][] orders;
  private final Map<String, Integer> indexById;
  private final Map<String, Integer> hpIndex;
  private final Map<String, Integer> siteIndex;
  private final ConcurrentHashMap<Long, Table> tables = new ConcurrentHashMap<>();

  private RegionSnapshot(String region, List<PolicyNode> sorted, long seed) {
    this.region = region;
    this.nodes = sorted.toArray(PolicyNode[]::new);
    int count = nodes.length;
    hp = new int[count];
    site = new int[count];
    free = new long[count];
    weight = new double[count];
    Map<String, Integer> hps = new LinkedHashMap<>();
    Map<String, Integer> sites = new LinkedHashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < count; i++) {
      PolicyNode node = nodes[i];
      hp[i] = hps.computeIfAbsent(node.hpId(), k -> hps.size());
      site[i] = sites.computeIfAbsent(node.site(), k -> sites.size());
      free[i] = node.freeBytes();
      weight[i] = node.freeBytes();
      ids.put(node.nodeId(), i);
    }
    hpCount = hps.size();
    siteCount = sites.size();
    hpIndex = Map.copyOf(hps);
    siteIndex = Map.copyOf(sites);
    indexById = Map.copyOf(ids);
    orders = groupedOrders(seed);
  }

  /**
   * Builds a snapshot. Nodes are sorted by id first, so the same nodes and seed give the same
   * snapshot whatever order they come in.
   */
  public static RegionSnapshot build(String region, List<PolicyNode> nodes, long seed) {
    List<PolicyNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(PolicyNode::nodeId));
    return new RegionSnapshot(region, sorted, seed ^ region.hashCode());
  }

  public String region() {
    return region;
  }

  /** Number of eligible nodes. */
  public int size() {
    return nodes.length;
  }

  public PolicyNode node(int index) {
    return nodes[index];
  }

  /** Snapshot index of a node id, or -1 if it is not eligible. */
  int indexOf(String nodeId) {
    return indexById.getOrDefault(nodeId, -1);
  }

  /** HP index, or -1 if no eligible node belongs to that HP. */
  int hpIndexOf(String hpId) {
    return hpIndex.getOrDefault(hpId, -1);
  }

  int siteIndexOf(String siteName) {
    return siteIndex.getOrDefault(siteName, -1);
  }

  /** The sampling table for n shards with tolerance m (requires {@code size() >= n}). */
  Table table(int n, int m) {
    return tables.computeIfAbsent(((long) n << 32) | m, k -> computeTable(n, m));
  }

  /** Inclusion probabilities, caps and running sums for one (n, m). */
  record Table(double[] inclusion, double[][] cumulative, ConstrainedSelector.Caps caps) {}

  private Table computeTable(int n, int m) {
    double[] pi = inclusion(weight, n);
    double[][] cumulative = new double[orders.length][];
    for (int k = 0; k < orders.length; k++) {
      double[] cum = new double[nodes.length + 1];
      for (int j = 0; j < nodes.length; j++) {
        cum[j + 1] = cum[j] + pi[orders[k][j]];
      }
      cumulative[k] = cum;
    }
    int[] all = new int[nodes.length];
    Arrays.setAll(all, i -> i);
    var selector =
        new ConstrainedSelector(
            hpCount, siteCount, hp, site, all, new int[hpCount], new int[siteCount]);
    return new Table(pi, cumulative, selector.caps(n, m));
  }

  /**
   * πps inclusion probabilities: π_i = c·w_i with Σπ = n, where nodes whose π would exceed 1 are
   * fixed at 1 and c is recomputed over the rest until none exceeds 1.
   */
  static double[] inclusion(double[] w, int n) {
    int count = w.length;
    double[] pi = new double[count];
    boolean[] certain = new boolean[count];
    int remaining = n;
    while (remaining > 0) {
      double sum = 0;
      for (int i = 0; i < count; i++) {
        if (!certain[i]) {
          sum += w[i];
        }
      }
      double c = remaining / sum;
      boolean changed = false;
      for (int i = 0; i < count; i++) {
        if (!certain[i] && c * w[i] >= 1.0) {
          certain[i] = true;
          pi[i] = 1.0;
          remaining--;
          changed = true;
        }
      }
      if (!changed) {
        for (int i = 0; i < count; i++) {
          if (!certain[i]) {
            pi[i] = c * w[i];
          }
        }
        break;
      }
    }
    return pi;
  }

  private int[][] groupedOrders(long seed) {
    // site -> hp -> node indices, in first-seen (id-sorted) order so the result is canonical.
    Map<Integer, Map<Integer, List<Integer>>> groups = new TreeMap<>();
    for (int i = 0; i < nodes.length; i++) {
      groups
          .computeIfAbsent(site[i], k -> new TreeMap<>())
          .computeIfAbsent(hp[i], k -> new ArrayList<>())
          .add(i);
    }
    var random = new SplittableRandom(seed);
    int[][] out = new int[PlacementLimits.ORDERS][];
    for (int k = 0; k < out.length; k++) {
      int[] order = new int[nodes.length];
      int p = 0;
      List<Map<Integer, List<Integer>>> siteGroups = new ArrayList<>(groups.values());
      shuffle(siteGroups, random);
      for (Map<Integer, List<Integer>> bySite : siteGroups) {
        List<List<Integer>> hpGroups = new ArrayList<>(bySite.values());
        shuffle(hpGroups, random);
        for (List<Integer> members : hpGroups) {
          List<Integer> shuffled = new ArrayList<>(members);
          shuffle(shuffled, random);
          for (int node : shuffled) {
            order[p++] = node;
          }
        }
      }
      out[k] = order;
    }
    return out;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
