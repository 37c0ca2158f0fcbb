package network.icn.gateway.metadata;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One segment of an object (default 64 MiB of data) and its shards. Shards missing at write time
 * (written below full width, queued for repair) are simply absent from {@code shards}.
 *
 * @param segmentId unique within the object; shard ids and repair tasks refer to it
 * @param dataLength bytes of object data in the segment (before erasure coding and padding)
 * @param shards the shards, in shard-index order, indexes unique
 */
public record SegmentRecord(String segmentId, long dataLength, List<ShardRecord> shards) {
  public SegmentRecord {
    Check.keyPart(segmentId, "segment id");
    Check.nonNegative(dataLength, "segment data length");
    shards = List.copyOf(Check.present(shards, "shards"));
    Set<Integer> seen = new HashSet<>();
    int previous = -1;
    for (ShardRecord shard : shards) {
      if (!seen.add(shard.shardIndex()) || shard.shardIndex() < previous) {
        throw Check.invalid(
            "segment " + segmentId + ": shard indexes must be unique and ascending");
      }
      previous = shard.shardIndex();
    }
  }
}
