package network.icn.placement.policy;

import java.util.Arrays;

/**
 * A small integer max-flow network (Edmonds–Karp: shortest augmenting paths by BFS). Edges are
 * stored in pairs, so edge {@code e}'s reverse is {@code e ^ 1}; {@code cap} holds residual
 * capacity.
 */
final class FlowNetwork {
  private final int[] head;
  private int[] next;
  private int[] to;
  private int[] cap;
  private int edges;

  FlowNetwork(int vertices, int edgeHint) {
    head = new int[vertices];
    Arrays.fill(head, -1);
    int size = Math.max(4, edgeHint * 2);
    next = new int[size];
    to = new int[size];
    cap = new int[size];
  }

  /** Adds {@code u → v} with capacity {@code c}; returns the forward edge's id. */
  int addEdge(int u, int v, int c) {
    if (edges + 2 > to.length) {
      int size = to.length * 2;
      next = Arrays.copyOf(next, size);
      to = Arrays.copyOf(to, size);
      cap = Arrays.copyOf(cap, size);
    }
    int e = edges;
    to[e] = v;
    cap[e] = c;
    next[e] = head[u];
    head[u] = e;
    to[e + 1] = u;
    cap[e + 1] = 0;
    next[e + 1] = head[v];
    head[v] = e + 1;
    edges += 2;
    return e;
  }

  int residual(int edge) {
    return cap[edge];
  }

  /** Pushes one unit along {@code edge}. */
  void pushUnit(int edge) {
    cap[edge]--;
    cap[edge ^ 1]++;
  }

  /**
   * Augments from {@code source} to {@code sink} until {@code limit} more units flow or none can.
   */
  int augment(int source, int sink, int limit) {
    int[] parentEdge = new int[head.length];
    int[] queue = new int[head.length];
    int flow = 0;
    while (flow < limit) {
      Arrays.fill(parentEdge, -1);
      int qh = 0;
      int qt = 0;
      queue[qt++] = source;
      parentEdge[source] = -2;
      while (qh < qt && parentEdge[sink] == -1) {
        int u = queue[qh++];
        for (int e = head[u]; e != -1; e = next[e]) {
          int v = to[e];
          if (cap[e] > 0 && parentEdge[v] == -1) {
            parentEdge[v] = e;
            queue[qt++] = v;
          }
        }
      }
      if (parentEdge[sink] == -1) {
        return flow;
      }
      for (int v = sink; v != source; v = to[parentEdge[v] ^ 1]) {
        pushUnit(parentEdge[v]);
      }
      flow++;
    }
    return flow;
  }
}
