package network.icn.gateway.gc;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the periodic chores (shard deleter, multipart expiry, orphan sweep) one after another on one
 * background thread. Due times come from the injected clock: {@link #tick()} runs every chore whose
 * interval has passed since its last run (all of them at the first tick), so tests drive it with a
 * settable clock and no sleeping; {@link #start} calls {@link #tick()} every {@code pollInterval}
 * of real time until {@link #stop()}. A failing chore is logged and retried at its next interval;
 * it does not stop the others.
 */
public final class Chores implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Chores.class.getName());

  /** A named chore. */
  public record Chore(String name, Duration interval, Runnable action) {
    public Chore {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(action, "action");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("chore interval must be positive");
      }
    }
  }

  private final Clock clock;
  private final List<Chore> chores;
  private final Instant[] lastRun;
  private final long[] failures;
  private Thread thread;

  public Chores(Clock clock, List<Chore> chores) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.chores = List.copyOf(chores);
    this.lastRun = new Instant[this.chores.size()];
    this.failures = new long[this.chores.size()];
  }

  /** The deleter, the expiry and the sweep at the intervals of {@code config}. */
  public static Chores standard(
      Clock clock,
      GcConfig config,
      network.icn.gateway.shard.ShardDeleter deleter,
      MultipartExpiry expiry,
      OrphanSweep sweep) {
    return new Chores(
        clock,
        List.of(
            new Chore("shard-deleter", config.deleteInterval(), () -> deleter.drain(100)),
            new Chore("multipart-expiry", config.expiryInterval(), expiry::runOnce),
            new Chore("orphan-sweep", config.sweepInterval(), sweep::runOnce)));
  }

  /** Runs the due chores now, in registration order; returns the names of those run. */
  public synchronized List<String> tick() {
    List<String> ran = new ArrayList<>();
    for (int i = 0; i < chores.size(); i++) {
      Chore chore = chores.get(i);
      Instant now = clock.instant();
      if (lastRun[i] != null && now.isBefore(lastRun[i].plus(chore.interval()))) {
        continue;
      }
      lastRun[i] = now;
      ran.add(chore.name());
      try {
        chore.action().run();
      } catch (RuntimeException e) {
        failures[i]++;
        LOG.log(Level.WARNING, "chore {0} failed: {1}", chore.name(), String.valueOf(e));
      }
    }
    return List.copyOf(ran);
  }

  /** How often chore {@code name} has failed. */
  public synchronized long failures(String name) {
    for (int i = 0; i < chores.size(); i++) {
      if (chores.get(i).name().equals(name)) {
        return failures[i];
      }
    }
    throw new IllegalArgumentException("no chore " + name);
  }

  /** Starts the background thread (a daemon). Idempotent. */
  public synchronized void start(Duration pollInterval) {
    if (thread != null) {
      return;
    }
    long pollMillis = Math.max(1, pollInterval.toMillis());
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("gateway-chores")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    tick();
                    try {
                      Thread.sleep(pollMillis);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** Stops the background thread and waits for the chore in progress to finish. Idempotent. */
  public void stop() {
    Thread running;
    synchronized (this) {
      running = thread;
      thread = null;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
