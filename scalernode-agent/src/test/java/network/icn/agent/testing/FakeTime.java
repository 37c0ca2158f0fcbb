package network.icn.agent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.icn.agent.scrub.ScrubRateLimiter;

/**
 * Monotonic nanoseconds that advance only when a test says so or when something sleeps on them
 * (sleeping advances time by exactly the requested amount and is recorded). Single-threaded.
 */
public final class FakeTime implements ScrubRateLimiter.Sleeper {
  private long nanos = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();

  public long nanoTime() {
    return nanos;
  }

  public void advance(Duration by) {
    nanos += by.toNanos();
  }

  @Override
  public void sleepNanos(long requested) {
    if (requested <= 0) {
      throw new AssertionError("asked to sleep " + requested + " ns");
    }
    sleeps.add(requested);
    nanos += requested;
  }

  public List<Long> sleeps() {
    return List.copyOf(sleeps);
  }
}
