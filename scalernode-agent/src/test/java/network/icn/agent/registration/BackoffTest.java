package network.icn.agent.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void delayDoublesWithEachFailureUpToTheMaximum() {
    List<Duration> delays = IntStream.rangeClosed(1, 8).mapToObj(backoff::delayAfter).toList();

    assertEquals(
        List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L),
        delays.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void manyFailuresDoNotOverflow() {
    assertEquals(Duration.ofSeconds(30), backoff.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void jitterStaysInTheUpperHalfOfTheDelay() {
    SplittableRandom random = new SplittableRandom(3);
    for (int failures = 1; failures <= 8; failures++) {
      long max = backoff.delayAfter(failures).toMillis();
      for (int i = 0; i < 200; i++) {
        long d = backoff.jitteredDelayAfter(failures, random).toMillis();
        assertTrue(d >= max - max / 2 && d <= max, d + " outside [" + max / 2 + ", " + max + "]");
      }
    }
  }

  @Test
  void rejectsInvalidPolicies() {
    assertThrows(
        IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(0));
  }

  @Test
  void theAgentsDefaultNeverExceedsAShortHeartbeatInterval() {
    Backoff fast = RegistrationLoop.defaultBackoff(Duration.ofMillis(200));
    assertEquals(Duration.ofMillis(200), fast.delayAfter(1));
  }
}
