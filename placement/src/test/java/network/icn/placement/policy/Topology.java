package network.icn.placement.policy;

import java.util.ArrayList;
import java.util.List;

/** Builds synthetic topologies for policy tests. */
final class Topology {
  static final long TB = 1_000_000_000_000L;
  private final List<PolicyNode> nodes = new ArrayList<>();

  Topology add(int hp, int site, long freeBytes) {
    int id = nodes.size();
    nodes.add(
        new PolicyNode(
            nodeId(id), hpId(hp), "site-" + site, "http://127.0.0.1:" + (9000 + id), freeBytes));
    return this;
  }

  static String nodeId(int i) {
    return String.format("0x%040x", 0x1000 + i);
  }

  static String hpId(int hp) {
    return String.format("0x%040x", 0xa000 + hp);
  }

  List<PolicyNode> nodes() {
    return List.copyOf(nodes);
  }

  RegionSnapshot snapshot(long seed) {
    return RegionSnapshot.build("eu-central-1", nodes, seed);
  }
}
