package network.icn.placement.policy;

import java.util.List;

/**
 * The policy's choice.
 *
 * @param nodes chosen nodes in shard-index order
 * @param maxShardsPerHp the most of the segment's shards on one HP (including existing holders)
 * @param maxShardsPerSite the most on one site
 * @param constrained true when the constrained selector chose (systematic sampling was not used)
 */
public record PolicyResult(
    List<PolicyNode> nodes, int maxShardsPerHp, int maxShardsPerSite, boolean constrained) {
  public PolicyResult {
    nodes = List.copyOf(nodes);
  }
}
