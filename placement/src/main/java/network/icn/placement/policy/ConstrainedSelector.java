package network.icn.placement.policy;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Chooses {@code n} distinct candidates with at most {@code hpCap} per HP and {@code siteCap} per
 * site (counting shards the segment already has), preferring higher weight at random.
 *
 * <p>Preference: Efraimidis–Spirakis keys ({@code Exp(1) / weight}, ascending), i.e. successive
 * weighted sampling without replacement. Candidates are taken greedily in key order while their
 * domains have room; if greedy gets stuck although a valid choice exists (crossing HP/site
 * domains), augmenting paths in the flow network source → HP → node → site → sink swap in the
 * fewest extra nodes, so a valid choice is found whenever one exists.
 */
final class ConstrainedSelector {
  static final int UNLIMITED = 1 << 20;

  private final int hpCount;
  private final int siteCount;
  private final int[] hp;
  private final int[] site;
  private final int[] candidates;
  private final int[] preHp;
  private final int[] preSite;

  /**
   * @param hp HP index of every snapshot node
   * @param site site index of every snapshot node
   * @param candidates the snapshot indices that may be chosen
   * @param preHp shards the segment already has per HP (all zero for a new segment)
   * @param preSite shards the segment already has per site
   */
  ConstrainedSelector(
      int hpCount,
      int siteCount,
      int[] hp,
      int[] site,
      int[] candidates,
      int[] preHp,
      int[] preSite) {
    this.hpCount = hpCount;
    this.siteCount = siteCount;
    this.hp = hp;
    this.site = site;
    this.candidates = candidates;
    this.preHp = preHp;
    this.preSite = preSite;
  }

  /** The caps to use: {@code (m, m)} if feasible, else the smallest feasible, HP first. */
  Caps caps(int n, int m) {
    if (feasible(n, m, m)) {
      return new Caps(m, m);
    }
    int hpCap = m;
    if (!feasible(n, m, UNLIMITED)) {
      hpCap = smallest(n, m + 1, h -> feasible(n, h, UNLIMITED));
    }
    int finalHp = hpCap;
    int siteCap = smallest(n, m + 1, s -> feasible(n, finalHp, s));
    return new Caps(hpCap, siteCap);
  }

  /** Whether {@code n} candidates fit under the caps. */
  boolean feasible(int n, int hpCap, int siteCap) {
    if (candidates.length < n) {
      return false;
    }
    Graph g = graph(hpCap, siteCap, candidates);
    return g.network.augment(g.source, g.sink, n) == n;
  }

  /**
   * Chooses {@code n} candidates under {@code caps} (which must be feasible).
   *
   * @return snapshot indices in preference order
   */
  int[] select(int n, Caps caps, double[] weight, RandomGenerator random) {
    int[] ordered = preferenceOrder(weight, random);
    Graph g = graph(caps.hp(), caps.site(), ordered);
    int[] hpLeft = new int[hpCount];
    int[] siteLeft = new int[siteCount];
    for (int h = 0; h < hpCount; h++) {
      hpLeft[h] = Math.max(0, caps.hp() - preHp[h]);
    }
    for (int s = 0; s < siteCount; s++) {
      siteLeft[s] = Math.max(0, caps.site() - preSite[s]);
    }
    int flow = 0;
    for (int j = 0; j < ordered.length && flow < n; j++) {
      int node = ordered[j];
      if (hpLeft[hp[node]] > 0 && siteLeft[site[node]] > 0) {
        hpLeft[hp[node]]--;
        siteLeft[site[node]]--;
        g.network.pushUnit(g.sourceToHp[hp[node]]);
        g.network.pushUnit(g.hpToNode[j]);
        g.network.pushUnit(g.nodeToSite[j]);
        g.network.pushUnit(g.siteToSink[site[node]]);
        flow++;
      }
    }
    flow += g.network.augment(g.source, g.sink, n - flow);
    if (flow < n) {
      throw new IllegalStateException("caps " + caps + " are not feasible for n=" + n);
    }
    int[] picks = new int[n];
    int p = 0;
    for (int j = 0; j < ordered.length; j++) {
      if (g.network.residual(g.hpToNode[j]) == 0) {
        picks[p++] = ordered[j];
      }
    }
    return picks;
  }

  private int[] preferenceOrder(double[] weight, RandomGenerator random) {
    int count = candidates.length;
    double[] keys = new double[count];
    Integer[] idx = new Integer[count];
    for (int j = 0; j < count; j++) {
      idx[j] = j;
      double u = 1.0 - random.nextDouble(); // (0, 1]
      keys[j] = -Math.log(u) / weight[candidates[j]];
    }
    Arrays.sort(idx, (a, b) -> Double.compare(keys[a], keys[b]));
    int[] out = new int[count];
    for (int j = 0; j < count; j++) {
      out[j] = candidates[idx[j]];
    }
    return out;
  }

  private record Graph(
      FlowNetwork network,
      int source,
      int sink,
      int[] sourceToHp,
      int[] hpToNode,
      int[] nodeToSite,
      int[] siteToSink) {}

  private Graph graph(int hpCap, int siteCap, int[] nodes) {
    int source = 0;
    int sink = 1;
    int hpBase = 2;
    int siteBase = hpBase + hpCount;
    int nodeBase = siteBase + siteCount;
    var network = new FlowNetwork(nodeBase + nodes.length, hpCount + siteCount + 2 * nodes.length);
    int[] sourceToHp = new int[hpCount];
    int[] siteToSink = new int[siteCount];
    for (int h = 0; h < hpCount; h++) {
      sourceToHp[h] = network.addEdge(source, hpBase + h, Math.max(0, hpCap - preHp[h]));
    }
    for (int s = 0; s < siteCount; s++) {
      siteToSink[s] = network.addEdge(siteBase + s, sink, Math.max(0, siteCap - preSite[s]));
    }
    int[] hpToNode = new int[nodes.length];
    int[] nodeToSite = new int[nodes.length];
    // Adjacency lists are LIFO, so add in reverse to let BFS try preferred nodes first.
    for (int j = nodes.length - 1; j >= 0; j--) {
      int node = nodes[j];
      hpToNode[j] = network.addEdge(hpBase + hp[node], nodeBase + j, 1);
      nodeToSite[j] = network.addEdge(nodeBase + j, siteBase + site[node], 1);
    }
    return new Graph(network, source, sink, sourceToHp, hpToNode, nodeToSite, siteToSink);
  }

  private static int smallest(int n, int from, java.util.function.IntPredicate ok) {
    for (int cap = Math.max(from, 1); cap <= n + PlacementLimits.MAX_SHARDS; cap++) {
      if (ok.test(cap)) {
        return cap;
      }
    }
    return UNLIMITED;
  }

  /** Per-HP and per-site caps on the segment's shards. */
  record Caps(int hp, int site) {}
}
