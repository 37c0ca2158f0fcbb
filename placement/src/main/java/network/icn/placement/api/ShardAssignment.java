package network.icn.placement.api;

/**
 * One shard's node.
 *
 * @param shardIndex the shard index (0..k-1 data, k..k+m-1 parity); for a replacement, the position
 *     in the replacement list
 */
public record ShardAssignment(
    int shardIndex, String nodeId, String endpoint, String hpId, String site) {
  public ShardAssignment {
    if (shardIndex < 0) {
      throw PlacementException.invalid("shardIndex must be >= 0, got " + shardIndex);
    }
    Validation.address("nodeId", nodeId);
    Validation.present("endpoint", endpoint);
    Validation.address("hpId", hpId);
    Validation.present("site", site);
  }
}
