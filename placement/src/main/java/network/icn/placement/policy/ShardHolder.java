package network.icn.placement.policy;

import java.util.Objects;

/** A node that already holds one of the segment's shards (for replacement). */
public record ShardHolder(String nodeId, String hpId, String site) {
  public ShardHolder {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(hpId, "hpId");
    Objects.requireNonNull(site, "site");
  }
}
