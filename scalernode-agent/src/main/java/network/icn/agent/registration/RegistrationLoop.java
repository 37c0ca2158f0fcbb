package network.icn.agent.registration;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registers, then heartbeats every interval. When placement is unreachable it retries with
 * exponential back-off (1 s doubling up to the heartbeat interval) and keeps the node serving; a
 * failed heartbeat falls back to registering again. Logs only when the state changes.
 */
public final class RegistrationLoop implements AutoCloseable {
  private static final Logger LOG = System.getLogger(RegistrationLoop.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final Registrar registrar;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private boolean registered;
  private Duration backoff = FIRST_RETRY;
  private boolean failing;
  private volatile long successes;

  public RegistrationLoop(
      Registrar registrar, ScheduledExecutorService scheduler, Duration interval) {
    this.registrar = Objects.requireNonNull(registrar, "registrar");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  public void start() {
    scheduler.execute(this::tick);
  }

  /** Successful registrations plus heartbeats so far. */
  public long successes() {
    return successes;
  }

  void tick() {
    Duration next;
    try {
      if (registered) {
        registrar.heartbeat();
      } else {
        registrar.register();
        registered = true;
        LOG.log(Level.INFO, "registered with placement");
      }
      successes++;
      if (failing) {
        LOG.log(Level.INFO, "placement reachable again");
      }
      failing = false;
      backoff = FIRST_RETRY;
      next = interval;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "placement unreachable, retrying with back-off: " + e.getMessage());
      }
      failing = true;
      registered = false;
      next = backoff;
      backoff =
          backoff.multipliedBy(2).compareTo(interval) > 0 ? interval : backoff.multipliedBy(2);
    }
    if (!scheduler.isShutdown()) {
      try {
        scheduler.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Shutting down.
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
