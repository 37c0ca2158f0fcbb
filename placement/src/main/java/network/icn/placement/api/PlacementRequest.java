package network.icn.placement.api;

/**
 * Where to put a new segment's k+m shards.
 *
 * @param tenantId the tenant (builder) whose booking pays for the shards
 * @param dataShards k
 * @param parityShards m: the spread goal is at most m shards per HP and per site
 * @param shardSizeBytes bytes of each shard; a node needs this much free room
 */
public record PlacementRequest(
    String tenantId,
    String segmentId,
    String region,
    int dataShards,
    int parityShards,
    long shardSizeBytes) {

  /** GF(2^8) Reed-Solomon cannot have more shards than this. */
  public static final int MAX_SHARDS = 256;

  public PlacementRequest {
    Validation.tenant(tenantId);
    Validation.segment(segmentId);
    Validation.name("region", region);
    Validation.positive("dataShards", dataShards);
    Validation.nonNegative("parityShards", parityShards);
    if (dataShards + parityShards > MAX_SHARDS) {
      throw PlacementException.invalid("k + m must be <= " + MAX_SHARDS);
    }
    Validation.positive("shardSizeBytes", shardSizeBytes);
  }

  /** n = k + m. */
  public int totalShards() {
    return dataShards + parityShards;
  }
}
