package network.icn.placement.api;

import java.util.List;

/**
 * The nodes chosen for a segment's shards, ordered by shard index, and the spread achieved.
 *
 * @param shards shard index → node, in index order
 */
public record Placement(
    String segmentId, String region, List<ShardAssignment> shards, Spread spread) {
  public Placement {
    Validation.present("segmentId", segmentId);
    Validation.present("region", region);
    shards = List.copyOf(Validation.present("shards", shards));
    Validation.present("spread", spread);
    for (int i = 0; i < shards.size(); i++) {
      if (shards.get(i).shardIndex() != i) {
        throw PlacementException.invalid("shards must be in index order");
      }
    }
  }

  /** The node ids in shard-index order. */
  public List<String> nodeIds() {
    return shards.stream().map(ShardAssignment::nodeId).toList();
  }
}
