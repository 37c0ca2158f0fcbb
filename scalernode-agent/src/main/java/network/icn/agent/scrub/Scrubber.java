package network.icn.agent.scrub;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.ShardInfo;
import network.icn.agent.store.ShardPage;
import network.icn.agent.store.ShardReader;
import network.icn.agent.store.ShardStore;

/**
 * Walks the store in listing order, re-reading every chunk (which verifies its CRC32C) at no more
 * than {@code bytesPerSecond}, and reports corrupt shards. One pass at a time; {@link #runPass} is
 * called in a loop by a single virtual thread.
 */
public final class Scrubber {
  /** Sleeps; injectable so tests run without waiting. */
  @FunctionalInterface
  public interface Pacer {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final ShardStore store;
  private final AgentMetrics metrics;
  private final CorruptionListener corruption;
  private final long bytesPerSecond;
  private final Pacer pacer;

  public Scrubber(
      ShardStore store,
      AgentMetrics metrics,
      CorruptionListener corruption,
      long bytesPerSecond,
      Pacer pacer) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.corruption = Objects.requireNonNull(corruption, "corruption");
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("scrub rate must be positive");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  /** Scrubs every shard once; returns the number found corrupt. */
  public int runPass() throws InterruptedException {
    int corrupt = 0;
    Optional<ShardId> cursor = Optional.empty();
    do {
      ShardPage page = store.list(cursor, 256);
      for (ShardInfo info : page.shards()) {
        if (!scrub(info)) {
          corrupt++;
        }
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return corrupt;
  }

  private boolean scrub(ShardInfo info) throws InterruptedException {
    try (ShardReader reader = store.open(info.id())) {
      ByteBuffer buffer = ByteBuffer.allocate(info.spec().chunkSize());
      for (int i = 0; i < info.spec().chunkCount(); i++) {
        long start = System.nanoTime();
        buffer.clear();
        reader.readChunk(i, buffer);
        int n = buffer.position();
        metrics.scrubbed(n);
        long budget = n * 1_000_000_000L / bytesPerSecond;
        long spent = System.nanoTime() - start;
        if (budget > spent) {
          pacer.sleepNanos(budget - spent);
        }
      }
      return true;
    } catch (AgentException e) {
      if (e.error() == AgentError.CORRUPT_SHARD) {
        corruption.corrupt(info.id(), e.getMessage());
        return false;
      }
      if (e.error() == AgentError.NOT_FOUND) {
        return true; // deleted while we walked
      }
      throw e;
    }
  }
}
