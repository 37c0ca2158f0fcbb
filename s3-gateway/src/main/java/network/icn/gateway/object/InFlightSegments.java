package network.icn.gateway.object;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segments this process is writing and has not yet committed or given up: a writer adds a
 * segment before its first shard byte is sent and removes it only after the commit that references
 * it (or after queueing its deletion). The GC sweep keeps any shard of an in-flight segment, so a
 * long upload (a multi-TiB PutObject commits only at its end) is safe whatever the grace period.
 * Thread-safe; one per gateway process.
 */
public final class InFlightSegments {
  private final Set<String> segments = ConcurrentHashMap.newKeySet();

  void add(String segmentId) {
    segments.add(segmentId);
  }

  void remove(String segmentId) {
    segments.remove(segmentId);
  }

  /** Whether the shard ({@code segmentId-index}) belongs to a segment being written. */
  public boolean holdsShard(String shardId) {
    return segments.contains(SegmentIds.segmentOf(shardId));
  }

  /** How many segments are in flight. */
  public int size() {
    return segments.size();
  }
}
