package network.icn.placement.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Registry settings.
 *
 * @param heartbeatInterval how often nodes are expected to send a heartbeat
 * @param suspectAfterMissed a node is SUSPECT once this many intervals pass without a heartbeat
 * @param downAfter a node is DOWN once this long passes without a heartbeat
 * @param maxClockSkew signed messages whose timestamp is further than this from our clock are
 *     rejected as stale
 */
public record RegistryConfig(
    Duration heartbeatInterval, int suspectAfterMissed, Duration downAfter, Duration maxClockSkew) {

  public static final RegistryConfig DEFAULT =
      new RegistryConfig(Duration.ofSeconds(10), 3, Duration.ofMinutes(5), Duration.ofMinutes(2));

  public RegistryConfig {
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(downAfter, "downAfter");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (!heartbeatInterval.isPositive()) {
      throw new IllegalArgumentException("heartbeat interval must be > 0");
    }
    if (suspectAfterMissed < 1) {
      throw new IllegalArgumentException("suspect-after-missed must be >= 1");
    }
    if (downAfter.compareTo(suspectAfter(heartbeatInterval, suspectAfterMissed)) <= 0) {
      throw new IllegalArgumentException(
          "down-after must be longer than heartbeat-interval × suspect-after-missed");
    }
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("max clock skew must be >= 0");
    }
  }

  /** Silence after which a node is SUSPECT. */
  public Duration suspectAfter() {
    return suspectAfter(heartbeatInterval, suspectAfterMissed);
  }

  private static Duration suspectAfter(Duration interval, int missed) {
    return interval.multipliedBy(missed);
  }
}
