package network.icn.placement.policy;

import java.util.Objects;

/**
 * What the policy needs to know about an eligible node.
 *
 * @param freeBytes free bytes as last reported; the node's weight
 */
public record PolicyNode(String nodeId, String hpId, String site, String endpoint, long freeBytes) {
  public PolicyNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(hpId, "hpId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(endpoint, "endpoint");
    if (freeBytes <= 0) {
      throw new IllegalArgumentException("an eligible node needs free bytes > 0: " + nodeId);
    }
  }
}
