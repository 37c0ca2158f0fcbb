package network.icn.placement.api;

import java.util.List;

/**
 * New nodes for lost shards of an existing segment (repair).
 *
 * @param currentNodeIds nodes that still hold the segment's surviving shards; never chosen, and
 *     counted toward the spread
 * @param excludedNodeIds further nodes never to choose (e.g. the failed ones)
 * @param count how many nodes to choose
 * @param parityShards m of the segment's scheme: the spread goal
 */
public record ReplacementRequest(
    String tenantId,
    String segmentId,
    String region,
    List<String> currentNodeIds,
    List<String> excludedNodeIds,
    int count,
    long shardSizeBytes,
    int parityShards) {

  public ReplacementRequest {
    Validation.tenant(tenantId);
    Validation.segment(segmentId);
    Validation.name("region", region);
    currentNodeIds = List.copyOf(Validation.present("currentNodeIds", currentNodeIds));
    excludedNodeIds = List.copyOf(Validation.present("excludedNodeIds", excludedNodeIds));
    currentNodeIds.forEach(id -> Validation.address("currentNodeIds[]", id));
    excludedNodeIds.forEach(id -> Validation.address("excludedNodeIds[]", id));
    Validation.positive("count", count);
    if (count + currentNodeIds.size() > PlacementRequest.MAX_SHARDS) {
      throw PlacementException.invalid("count + current nodes must be <= 256");
    }
    Validation.positive("shardSizeBytes", shardSizeBytes);
    Validation.nonNegative("parityShards", parityShards);
  }
}
