package network.icn.agent.registration;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Registers, then heartbeats every interval. When placement is unreachable it retries after a
 * {@link Backoff} delay (jittered) and the node keeps serving; a failed heartbeat falls back to
 * registering again, since placement may have lost or rejected us. Logs only when the state
 * changes.
 *
 * <p>Time is the {@link Scheduler}'s: the agent passes a scheduled executor, tests a fake that
 * records each delay and runs tasks when told. State is guarded by {@code this}.
 */
public final class RegistrationLoop implements AutoCloseable {
  /** Runs a task after a delay. */
  @FunctionalInterface
  public interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  private static final Logger LOG = System.getLogger(RegistrationLoop.class.getName());

  private final Registrar registrar;
  private final Scheduler scheduler;
  private final Duration interval;
  private final Backoff backoff;
  private final RandomGenerator random;
  private boolean registered;
  private int consecutiveFailures;
  private long successes;
  private boolean closed;

  public RegistrationLoop(
      Registrar registrar,
      Scheduler scheduler,
      Duration interval,
      Backoff backoff,
      RandomGenerator random) {
    this.registrar = Objects.requireNonNull(registrar, "registrar");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("heartbeat interval must be positive");
    }
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The agent's policy: first retry after 1 s, doubling up to the heartbeat interval. */
  public static Backoff defaultBackoff(Duration interval) {
    Duration first = Duration.ofSeconds(1);
    return new Backoff(first.compareTo(interval) > 0 ? interval : first, interval);
  }

  /** Schedules the first attempt now. */
  public void start() {
    scheduler.schedule(this::tick, Duration.ZERO);
  }

  /** Successful registrations plus heartbeats so far. */
  public synchronized long successes() {
    return successes;
  }

  /** Failed attempts since the last success. */
  public synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** True once registered and until an attempt fails. */
  public synchronized boolean registered() {
    return registered;
  }

  /**
   * One attempt now, outside the schedule (an operator's "heartbeat now", and tests); the schedule
   * is unchanged. Returns whether it succeeded.
   */
  public synchronized boolean attemptNow() {
    attempt();
    return consecutiveFailures == 0;
  }

  private void tick() {
    Duration next;
    synchronized (this) {
      if (closed) {
        return;
      }
      next = attempt();
    }
    scheduler.schedule(this::tick, next);
  }

  /** Registers or heartbeats; returns the delay before the next attempt. */
  private Duration attempt() {
    try {
      if (registered) {
        registrar.heartbeat();
      } else {
        registrar.register();
        registered = true;
        LOG.log(Level.INFO, "registered with placement");
      }
      successes++;
      if (consecutiveFailures > 0) {
        LOG.log(Level.INFO, "placement reachable again");
      }
      consecutiveFailures = 0;
      return interval;
    } catch (RuntimeException e) {
      if (consecutiveFailures == 0) {
        LOG.log(Level.WARNING, "placement unreachable, retrying with back-off: " + e.getMessage());
      }
      consecutiveFailures++;
      registered = false;
      return backoff.jitteredDelayAfter(consecutiveFailures, random);
    }
  }

  /** Stops scheduling; an attempt in progress finishes. */
  @Override
  public synchronized void close() {
    closed = true;
  }
}
