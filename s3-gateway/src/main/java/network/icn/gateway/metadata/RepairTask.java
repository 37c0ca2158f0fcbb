package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.List;

/**
 * A segment that is below full width and needs shards rebuilt.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param segmentId the segment
 * @param missingShards the shard indexes to rebuild, ascending and unique
 * @param reason why, e.g. {@code WRITE_QUORUM_PARTIAL} or {@code NODE_DOWN}
 * @param enqueued when it was queued (the queue is ordered by this)
 */
public record RepairTask(
    String bucket,
    String key,
    String segmentId,
    List<Integer> missingShards,
    String reason,
    Instant enqueued) {
  public RepairTask {
    Check.bucketName(bucket);
    Check.objectKey(key);
    Check.keyPart(segmentId, "segment id");
    missingShards = List.copyOf(Check.present(missingShards, "missing shards"));
    if (missingShards.isEmpty()) {
      throw Check.invalid("a repair task needs at least one missing shard");
    }
    int previous = -1;
    for (int index : missingShards) {
      if (index <= previous || index > 255) {
        throw Check.invalid("missing shard indexes must be ascending, unique and <= 255");
      }
      previous = index;
    }
    Check.text(reason, "repair reason");
    Check.present(enqueued, "enqueued");
    if (enqueued.toEpochMilli() < 0) {
      throw Check.invalid("enqueued must not be before 1970");
    }
  }
}
