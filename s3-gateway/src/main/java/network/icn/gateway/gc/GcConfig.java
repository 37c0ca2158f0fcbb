package network.icn.gateway.gc;

import java.time.Duration;
import java.util.Objects;

/**
 * Garbage-collection settings.
 *
 * @param gracePeriod an unreferenced shard is an orphan only once its id's creation time is at
 *     least this old; it covers writes in flight in another (or a restarted) process, so it must
 *     exceed the longest time from placing a segment to committing it there
 * @param sweepInterval how often the orphan sweep runs
 * @param sweepPageSize shards asked per listing page
 * @param callTimeout how long one listing call may take
 * @param deleteInterval how often the shard deleter drains its queue
 * @param expiryInterval how often abandoned multipart uploads are looked for
 * @param uploadMaxAge a multipart upload initiated longer ago is aborted
 * @param expiryBatch uploads aborted per expiry pass at most
 */
public record GcConfig(
    Duration gracePeriod,
    Duration sweepInterval,
    int sweepPageSize,
    Duration callTimeout,
    Duration deleteInterval,
    Duration expiryInterval,
    Duration uploadMaxAge,
    int expiryBatch) {
  public GcConfig {
    for (Duration d :
        new Duration[] {
          gracePeriod, sweepInterval, callTimeout, deleteInterval, expiryInterval, uploadMaxAge
        }) {
      Objects.requireNonNull(d, "durations");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("GC durations must be positive");
      }
    }
    if (sweepPageSize < 1 || expiryBatch < 1) {
      throw new IllegalArgumentException("page size and batch must be >= 1");
    }
  }

  /**
   * Grace 24 h, sweep every 6 h in pages of 1000 with 30 s calls, deleter every 10 s, expiry hourly
   * for uploads older than 7 days, 1000 per pass.
   */
  public static GcConfig defaults() {
    return new GcConfig(
        Duration.ofHours(24),
        Duration.ofHours(6),
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofHours(1),
        Duration.ofDays(7),
        1000);
  }
}
