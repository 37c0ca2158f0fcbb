package network.icn.gateway.object;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Segment and upload ids: 12 hex digits of the creation time in epoch milliseconds, then 20 hex
 * digits (80 bits) of randomness. The time prefix makes upload ids sort in initiation order and
 * lets the GC sweep tell how old a shard is from its id alone ({@code segmentId-shardIndex}),
 * without per-shard state on the gateway or a timestamp in the agents' listings.
 */
public final class SegmentIds {
  static final int TIME_DIGITS = 12;
  static final int LENGTH = 32;

  private SegmentIds() {}

  /** A fresh id created at {@code now}. */
  public static String create(Instant now, RandomGenerator random) {
    byte[] bytes = new byte[10];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    long millis = Math.max(0, now.toEpochMilli());
    return String.format("%012x", millis & 0xFFFF_FFFF_FFFFL) + HexFormat.of().formatHex(bytes);
  }

  /** The segment id of a shard id ({@code segmentId-index}), or the id itself. */
  public static String segmentOf(String shardId) {
    int dash = shardId.lastIndexOf('-');
    return dash < 0 ? shardId : shardId.substring(0, dash);
  }

  /**
   * When the segment (or upload) with this id, or the shard of such a segment, was created; empty
   * for ids not made by {@link #create}.
   */
  public static Optional<Instant> createdAt(String id) {
    String segment = segmentOf(id);
    if (segment.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < LENGTH; i++) {
      if (Character.digit(segment.charAt(i), 16) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(Instant.ofEpochMilli(Long.parseLong(segment.substring(0, TIME_DIGITS), 16)));
  }
}
