package network.icn.agent.scrub;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.ShardIdPage;
import network.icn.agent.store.ShardReader;
import network.icn.agent.store.ShardStore;

/**
 * Walks the store's ids in listing order and re-verifies each shard: opening it checks the header
 * CRC, the file length and the footer; then every chunk is read, which checks its CRC32C. Reads are
 * paced by a {@link ScrubRateLimiter}. A shard that fails is reported to the {@link
 * CorruptionListener} (which quarantines it). It walks {@link ShardStore#ids} rather than {@link
 * ShardStore#list}, so shards whose header is unreadable are found too.
 *
 * <p>Steppable: {@link #scrubNext} checks a few shards and remembers where it stopped, so tests run
 * it deterministically and the agent runs it in a loop on one virtual thread. Methods are
 * synchronized so an on-demand pass cannot interleave with the background one.
 */
public final class Scrubber {
  private static final Logger LOG = System.getLogger(Scrubber.class.getName());

  /**
   * What one call found.
   *
   * @param passComplete the walk reached the end of the store; the next call starts a new pass
   */
  public record Step(int shardsChecked, long bytesChecked, int corruptFound, boolean passComplete) {
    public Step {
      if (shardsChecked < 0 || bytesChecked < 0 || corruptFound < 0) {
        throw new IllegalArgumentException("step counts must not be negative");
      }
    }

    Step plus(Step other) {
      return new Step(
          shardsChecked + other.shardsChecked,
          bytesChecked + other.bytesChecked,
          corruptFound + other.corruptFound,
          other.passComplete);
    }
  }

  private final ShardStore store;
  private final AgentMetrics metrics;
  private final CorruptionListener corruption;
  private final ScrubRateLimiter limiter;
  private Optional<ShardId> cursor = Optional.empty();

  public Scrubber(
      ShardStore store,
      AgentMetrics metrics,
      CorruptionListener corruption,
      ScrubRateLimiter limiter) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.corruption = Objects.requireNonNull(corruption, "corruption");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  /** Checks up to {@code maxShards} shards, continuing from where the previous call stopped. */
  public synchronized Step scrubNext(int maxShards) throws InterruptedException {
    if (maxShards <= 0) {
      throw new IllegalArgumentException("maxShards must be positive");
    }
    ShardIdPage page = store.ids(cursor, maxShards);
    int corrupt = 0;
    long bytes = 0;
    for (ShardId id : page.ids()) {
      long checked = scrub(id);
      if (checked < 0) {
        corrupt++;
      } else {
        bytes += checked;
      }
    }
    cursor = page.next();
    return new Step(page.ids().size(), bytes, corrupt, cursor.isEmpty());
  }

  /** Finishes the current pass (a whole pass if none is under way). */
  public synchronized Step runPass() throws InterruptedException {
    Step total = new Step(0, 0, 0, false);
    do {
      total = total.plus(scrubNext(256));
    } while (!total.passComplete());
    return total;
  }

  /** Returns the bytes verified, or -1 if the shard was found corrupt. */
  private long scrub(ShardId id) throws InterruptedException {
    long bytes = 0;
    try (ShardReader reader = store.open(id)) {
      ShardSpec spec = reader.info().spec();
      ByteBuffer buffer = ByteBuffer.allocate(spec.chunkSize());
      for (int i = 0; i < spec.chunkCount(); i++) {
        limiter.acquire(spec.chunkLength(i));
        buffer.clear();
        reader.readChunk(i, buffer);
        metrics.scrubbed(buffer.position());
        bytes += buffer.position();
      }
      return bytes;
    } catch (AgentException e) {
      return switch (e.error()) {
        case CORRUPT_SHARD -> {
          corruption.corrupt(id, e.getMessage());
          yield -1;
        }
        case NOT_FOUND -> bytes; // deleted while we walked
        default -> {
          // One unreadable shard must not stop the scrubber; the disk-error count goes to
          // placement with the next heartbeat.
          metrics.diskError();
          LOG.log(Level.WARNING, "scrubber could not read shard " + id + ": " + e.getMessage());
          yield bytes;
        }
      };
    }
  }
}
