package network.icn.gateway.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.icn.gateway.testing.SettableClock;
import org.junit.jupiter.api.Test;

class ChoresTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T00:00:00Z"));

  @Test
  void everyChoreRunsAtTheFirstTickThenOnlyWhenItsIntervalHasPassed() {
    AtomicInteger fast = new AtomicInteger();
    AtomicInteger slow = new AtomicInteger();
    Chores chores =
        new Chores(
            clock,
            List.of(
                new Chores.Chore("fast", Duration.ofSeconds(10), fast::incrementAndGet),
                new Chores.Chore("slow", Duration.ofHours(1), slow::incrementAndGet)));

    assertEquals(List.of("fast", "slow"), chores.tick());
    assertEquals(List.of(), chores.tick());
    clock.advance(Duration.ofSeconds(10));
    assertEquals(List.of("fast"), chores.tick());
    clock.advance(Duration.ofMinutes(60));
    assertEquals(List.of("fast", "slow"), chores.tick());
    assertEquals(3, fast.get());
    assertEquals(2, slow.get());
  }

  @Test
  void aFailingChoreIsCountedAndDoesNotStopTheOthers() {
    AtomicInteger after = new AtomicInteger();
    Chores chores =
        new Chores(
            clock,
            List.of(
                new Chores.Chore(
                    "broken",
                    Duration.ofSeconds(1),
                    () -> {
                      throw new IllegalStateException("boom");
                    }),
                new Chores.Chore("after", Duration.ofSeconds(1), after::incrementAndGet)));

    chores.tick();
    clock.advance(Duration.ofSeconds(1));
    chores.tick();

    assertEquals(2, chores.failures("broken"));
    assertEquals(2, after.get());
  }

  @Test
  void startedChoresRunInTheBackgroundUntilStopped() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Chores chores =
        new Chores(clock, List.of(new Chores.Chore("once", Duration.ofSeconds(1), ran::countDown)));
    try {
      chores.start(Duration.ofMillis(5));
      assertTrue(ran.await(30, TimeUnit.SECONDS));
    } finally {
      chores.stop();
    }
    chores.stop();
  }
}
