package network.icn.agent.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import network.icn.agent.testing.FakeTime;
import org.junit.jupiter.api.Test;

final class ScrubRateLimiterTest {
  private final FakeTime time = new FakeTime();

  private ScrubRateLimiter limiter(long bytesPerSecond) {
    return new ScrubRateLimiter(bytesPerSecond, time::nanoTime, time);
  }

  @Test
  void eachAcquireWaitsForThePreviousOnesCost() throws InterruptedException {
    ScrubRateLimiter limiter = limiter(1000); // 1 byte per ms
    limiter.acquire(500);
    limiter.acquire(250);
    limiter.acquire(1);

    assertEquals(List.of(500_000_000L, 250_000_000L), time.sleeps());
  }

  @Test
  void readsSlowerThanTheBudgetAreNotSlowedFurther() throws InterruptedException {
    ScrubRateLimiter limiter = limiter(1000);
    for (int i = 0; i < 5; i++) {
      limiter.acquire(100); // costs 100 ms
      time.advance(Duration.ofMillis(150)); // the read itself took longer
    }

    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void aReadFasterThanTheBudgetWaitsOnlyTheRemainder() throws InterruptedException {
    ScrubRateLimiter limiter = limiter(1000);
    limiter.acquire(100);
    time.advance(Duration.ofMillis(30));
    limiter.acquire(100);

    assertEquals(List.of(70_000_000L), time.sleeps());
  }

  @Test
  void idleTimeIsNotBankedIntoABurst() throws InterruptedException {
    ScrubRateLimiter limiter = limiter(1000);
    limiter.acquire(100);
    time.advance(Duration.ofHours(1));
    limiter.acquire(100);
    limiter.acquire(100);

    assertEquals(List.of(100_000_000L), time.sleeps());
  }

  @Test
  void costRoundsUpSoTheBudgetIsNeverExceeded() {
    assertEquals(333_333_334L, limiter(3).costNanos(1));
    assertEquals(0L, limiter(Long.MAX_VALUE).costNanos(0));
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThrows(IllegalArgumentException.class, () -> limiter(0));
  }
}
