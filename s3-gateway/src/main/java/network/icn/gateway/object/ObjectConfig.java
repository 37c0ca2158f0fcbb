package network.icn.gateway.object;

import java.time.Duration;
import java.util.Objects;

/**
 * Object-layer tuning.
 *
 * @param segmentSize bytes of object data per segment (a multiple of the scheme's stripe size is
 *     best; the last segment may be shorter)
 * @param inlineThreshold objects of at most this many bytes are stored inline in the metadata
 *     record instead of on nodes (0 keeps only empty objects inline)
 * @param sendQueueChunks chunks buffered per shard between the encoder and the shard's sender: the
 *     write path's memory is about {@code (k + m) * (sendQueueChunks + 1) * chunkSize}
 * @param readQueueChunks chunks buffered per shard stream on the read path
 * @param hedgeDelay how long a read waits for the data chunks of a stripe before it also asks the
 *     parity shards (hedged read)
 * @param readTimeout how long a read waits for enough chunks of a stripe before it gives up on the
 *     slow shards
 * @param writeStallTimeout how long the writer waits for a shard's sender to take the next chunk
 *     before it drops that shard (the write continues if the quorum still holds)
 * @param receiptTimeout how long a segment waits for the agents' receipts after its last byte
 * @param maxObjectSize the largest object accepted
 */
public record ObjectConfig(
    long segmentSize,
    int inlineThreshold,
    int sendQueueChunks,
    int readQueueChunks,
    Duration hedgeDelay,
    Duration readTimeout,
    Duration writeStallTimeout,
    Duration receiptTimeout,
    long maxObjectSize) {
  /** S3's single-object maximum: 5 TiB. */
  public static final long MAX_OBJECT_SIZE = 5L << 40;

  public ObjectConfig {
    if (segmentSize < 4096) {
      throw new IllegalArgumentException("segment size must be >= 4096, got " + segmentSize);
    }
    if (inlineThreshold < 0 || inlineThreshold > 1 << 20) {
      throw new IllegalArgumentException("inline threshold must be in [0, 1 MiB]");
    }
    if (sendQueueChunks < 1 || readQueueChunks < 1) {
      throw new IllegalArgumentException("queue depths must be >= 1");
    }
    for (Duration d : new Duration[] {hedgeDelay, readTimeout, writeStallTimeout, receiptTimeout}) {
      Objects.requireNonNull(d, "durations");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (maxObjectSize < 0) {
      throw new IllegalArgumentException("max object size must be >= 0");
    }
  }

  /**
   * 64 MiB segments, 4 KiB inline, 4 chunks per send queue, 4 per read stream, hedge after 250 ms,
   * give up on a slow shard after 10 s, drop a stalled shard after 30 s, receipts within 60 s, 5
   * TiB.
   */
  public static ObjectConfig defaults() {
    return new ObjectConfig(
        64L << 20,
        4096,
        4,
        4,
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        MAX_OBJECT_SIZE);
  }

  public ObjectConfig withSegmentSize(long bytes) {
    return new ObjectConfig(
        bytes,
        inlineThreshold,
        sendQueueChunks,
        readQueueChunks,
        hedgeDelay,
        readTimeout,
        writeStallTimeout,
        receiptTimeout,
        maxObjectSize);
  }

  public ObjectConfig withInlineThreshold(int bytes) {
    return new ObjectConfig(
        segmentSize,
        bytes,
        sendQueueChunks,
        readQueueChunks,
        hedgeDelay,
        readTimeout,
        writeStallTimeout,
        receiptTimeout,
        maxObjectSize);
  }

  public ObjectConfig withTimeouts(
      Duration hedge, Duration read, Duration writeStall, Duration receipt) {
    return new ObjectConfig(
        segmentSize,
        inlineThreshold,
        sendQueueChunks,
        readQueueChunks,
        hedge,
        read,
        writeStall,
        receipt,
        maxObjectSize);
  }
}
