package network.icn.gateway.object;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the object layer's unusual events (the metrics exporter reads them): degraded
 * stripes, corrupt chunks, hedged reads, shards dropped on write, repairs queued, failed writes,
 * shards placed away from a node this process could not reach.
 */
public final class ObjectStats {
  final LongAdder degradedStripes = new LongAdder();
  final LongAdder corruptChunks = new LongAdder();
  final LongAdder unavailableChunks = new LongAdder();
  final LongAdder hedgedReads = new LongAdder();
  final LongAdder droppedShards = new LongAdder();
  final LongAdder repairsQueued = new LongAdder();
  final LongAdder failedWrites = new LongAdder();
  final LongAdder suspectsAvoided = new LongAdder();

  public long degradedStripes() {
    return degradedStripes.sum();
  }

  public long corruptChunks() {
    return corruptChunks.sum();
  }

  public long unavailableChunks() {
    return unavailableChunks.sum();
  }

  public long hedgedReads() {
    return hedgedReads.sum();
  }

  public long droppedShards() {
    return droppedShards.sum();
  }

  public long repairsQueued() {
    return repairsQueued.sum();
  }

  public long failedWrites() {
    return failedWrites.sum();
  }

  /** Shard placements moved off a locally suspect node (see {@code SuspectNodes}). */
  public long suspectsAvoided() {
    return suspectsAvoided.sum();
  }
}
