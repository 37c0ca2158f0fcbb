package network.icn.agent.registration;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The retry delay when placement is unreachable: {@code first}, doubling with each consecutive
 * failure, never more than {@code max}. Pure, so the policy is tested without a scheduler.
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (!first.isPositive() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("back-off needs 0 < first <= max");
    }
  }

  /** The delay before the next attempt after {@code consecutiveFailures} (&ge; 1) failures. */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("consecutiveFailures must be >= 1");
    }
    Duration delay = first;
    for (int i = 1; i < consecutiveFailures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /**
   * {@link #delayAfter} spread uniformly over its upper half, so a fleet that lost placement at the
   * same moment does not come back in lockstep.
   */
  public Duration jitteredDelayAfter(int consecutiveFailures, RandomGenerator random) {
    long millis = delayAfter(consecutiveFailures).toMillis();
    long half = millis / 2;
    return Duration.ofMillis(millis - half + random.nextLong(half + 1));
  }
}
