package network.icn.agent.scrub;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps the scrubber under a bytes-per-second budget. Before each read the caller {@link #acquire
 * acquires} the bytes it is about to read; that waits until the previous reads' budget has elapsed.
 * So after any sequence of calls, the bytes acquired by time {@code t} are at most {@code rate × (t
 * − first call) + one read}. Idle time is not banked: after a pause the budget restarts from now,
 * so a scrubber that was stopped does not burst.
 *
 * <p>Time comes from an injected monotonic nanosecond source and waiting from an injected {@link
 * Sleeper}, so tests drive both without sleeping. Not thread-safe: one scrubber owns it.
 */
public final class ScrubRateLimiter {
  /** Waits; tests pass one that advances their fake time. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long bytesPerSecond;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private boolean started;
  private long allowedAt;

  /**
   * @param bytesPerSecond the budget, &gt; 0
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   */
  public ScrubRateLimiter(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("scrub rate must be positive");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The real clock and {@link Thread#sleep}. */
  public static ScrubRateLimiter system(long bytesPerSecond) {
    return new ScrubRateLimiter(
        bytesPerSecond,
        System::nanoTime,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /** Nanoseconds of budget that {@code bytes} cost, rounded up so the budget is never exceeded. */
  public long costNanos(long bytes) {
    if (bytes < 0 || bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bytes per acquire must be in [0, 2^31): " + bytes);
    }
    return Math.ceilDiv(bytes * NANOS_PER_SECOND, bytesPerSecond);
  }

  /** Waits until reading {@code bytes} more fits the budget, then charges them. */
  public void acquire(long bytes) throws InterruptedException {
    long cost = costNanos(bytes);
    long now = nanoTime.getAsLong();
    if (started && allowedAt - now > 0) {
      sleeper.sleepNanos(allowedAt - now);
      now = allowedAt;
    }
    started = true;
    allowedAt = now + cost;
  }
}
