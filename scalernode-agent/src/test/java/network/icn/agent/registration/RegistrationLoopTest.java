package network.icn.agent.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.random.RandomGenerator;
import network.icn.agent.client.Signatures;
import network.icn.agent.store.StoreUsage;
import network.icn.agent.testing.FlakyPlacement;
import network.icn.agent.testing.InProcessPlacement;
import network.icn.agent.testing.MutableClock;
import network.icn.placement.api.NodeView;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;

final class RegistrationLoopTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  /** Records scheduled tasks; {@link #runNext} moves the clock by the delay and runs the task. */
  private static final class FakeScheduler implements RegistrationLoop.Scheduler {
    private record Task(Runnable task, Duration delay) {}

    private final Queue<Task> tasks = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final MutableClock clock;

    FakeScheduler(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
      tasks.add(new Task(task, delay));
      delays.add(delay);
    }

    void runNext() {
      Task t = tasks.remove();
      clock.advance(t.delay().isZero() ? Duration.ofMillis(1) : t.delay());
      t.task().run();
    }
  }

  /** Always picks the top of the jitter range, so delays are the policy's exact values. */
  private static final class TopOfRange implements RandomGenerator {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final ECKeyPair key = ECKeyPair.create(BigInteger.valueOf(0xA9E7));
  private final String nodeId = Signatures.address(key);
  private final FlakyPlacement placement = new FlakyPlacement(InProcessPlacement.start(clock), 0);
  private final FakeScheduler scheduler = new FakeScheduler(clock);
  private StoreUsage usage = new StoreUsage(1L << 30, 0, 0, 0);
  private final RegistrationLoop loop =
      new RegistrationLoop(
          new PlacementRegistrar(
              placement,
              key,
              new PlacementRegistrar.Identity(
                  nodeId, nodeId, "eu-central", "fra-1", "hdd", "http://node:7070", "test"),
              () -> usage,
              () -> new PlacementRegistrar.Telemetry(0, 0),
              clock),
          scheduler,
          INTERVAL,
          RegistrationLoop.defaultBackoff(INTERVAL),
          new TopOfRange());

  private static List<Long> seconds(List<Duration> delays) {
    return delays.stream().map(Duration::toSeconds).toList();
  }

  @Test
  void retriesWithDoublingBackOffUntilPlacementAnswersThenHeartbeatsEveryInterval() {
    placement.failNext(4);
    loop.start();
    for (int i = 0; i < 7; i++) {
      scheduler.runNext();
    }

    // start, 4 failures, registration, 2 heartbeats
    assertEquals(List.of(0L, 1L, 2L, 4L, 8L, 30L, 30L, 30L), seconds(scheduler.delays));
    assertEquals(7, placement.attempts());
    assertEquals(1, placement.registrations().size());
    assertEquals(2, placement.heartbeats().size());
    assertEquals(3, loop.successes());
    assertEquals(0, loop.consecutiveFailures());
    assertTrue(placement.node(nodeId).isPresent());
  }

  @Test
  void aFailedHeartbeatFallsBackToRegisteringAgainWithBackOff() {
    loop.start();
    scheduler.runNext(); // registers
    placement.failNext(2);
    scheduler.runNext(); // heartbeat fails
    assertFalse(loop.registered());
    scheduler.runNext(); // registration fails
    scheduler.runNext(); // registration succeeds
    scheduler.runNext(); // heartbeat

    assertEquals(List.of(0L, 30L, 1L, 2L, 30L, 30L), seconds(scheduler.delays));
    assertEquals(2, placement.registrations().size());
    assertEquals(1, placement.heartbeats().size());
    assertTrue(loop.registered());
  }

  @Test
  void heartbeatsCarryTheCurrentUsage() {
    loop.start();
    scheduler.runNext();
    usage = new StoreUsage(1L << 30, 5000, 0, 2);
    scheduler.runNext();

    NodeView view = placement.node(nodeId).orElseThrow();
    assertEquals(5000, view.usedBytes());
    assertEquals((1L << 30) - 5000, view.freeBytes());
    assertEquals(2, view.shardCount());
  }

  @Test
  void attemptNowDoesNotChangeTheSchedule() {
    loop.start();
    scheduler.runNext();
    clock.advance(Duration.ofSeconds(1));

    assertTrue(loop.attemptNow());

    assertEquals(List.of(0L, 30L), seconds(scheduler.delays));
    assertEquals(1, placement.heartbeats().size());
  }

  @Test
  void aClosedLoopSchedulesNothingMore() {
    loop.start();
    loop.close();
    scheduler.runNext();

    assertEquals(0, placement.attempts());
    assertEquals(List.of(0L), seconds(scheduler.delays));
  }
}
