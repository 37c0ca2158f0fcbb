package network.icn.gateway.shard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.ShardId;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ShardDeletion;

/**
 * The chore that drains the metadata store's shard-deletion queue: deletes each due shard on its
 * node, acks it when the node confirms (or says the shard is already gone), and otherwise
 * reschedules it with exponential backoff. After {@code maxAttempts} the entry is dropped and
 * logged; the GC orphan sweep (agents' shard listings against metadata) catches what is left.
 *
 * <p>Call {@link #runOnce} from a scheduler; it is safe to run concurrently with writers, not with
 * itself.
 */
public final class ShardDeleter {
  private static final Logger LOG = System.getLogger(ShardDeleter.class.getName());

  /**
   * @param batch deletions taken per pass
   * @param firstRetry delay after the first failure; doubles per attempt
   * @param maxRetry the longest delay between attempts
   * @param maxAttempts attempts before giving up on an entry
   * @param callTimeout how long one delete call may take
   */
  public record Settings(
      int batch, Duration firstRetry, Duration maxRetry, int maxAttempts, Duration callTimeout) {
    public Settings {
      if (batch < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException("batch and max attempts must be >= 1");
      }
      Objects.requireNonNull(firstRetry, "firstRetry");
      Objects.requireNonNull(maxRetry, "maxRetry");
      Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** 256 per pass, retry after 10 s doubling to 1 h, 30 attempts, 30 s per call. */
    public static Settings defaults() {
      return new Settings(
          256, Duration.ofSeconds(10), Duration.ofHours(1), 30, Duration.ofSeconds(30));
    }
  }

  /** What one pass did. */
  public record Pass(int deleted, int alreadyGone, int retried, int gaveUp) {
    public int total() {
      return deleted + alreadyGone + retried + gaveUp;
    }
  }

  private final MetadataStore metadata;
  private final AgentClient client;
  private final NodeDirectory nodes;
  private final Clock clock;
  private final Settings settings;

  public ShardDeleter(
      MetadataStore metadata,
      AgentClient client,
      NodeDirectory nodes,
      Clock clock,
      Settings settings) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.client = Objects.requireNonNull(client, "client");
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Handles up to one batch of due deletions, in parallel. */
  public Pass runOnce() {
    Instant now = clock.instant();
    List<ShardDeletion> due = metadata.peekShardDeletions(now, settings.batch());
    List<CompletableFuture<Boolean>> calls = new ArrayList<>(due.size());
    for (ShardDeletion deletion : due) {
      InetSocketAddress address = nodes.address(deletion.nodeId());
      calls.add(
          address == null
              ? CompletableFuture.failedFuture(
                  new IllegalStateException("node " + deletion.nodeId() + " is unknown"))
              : client.delete(address, deletion.nodeId(), new ShardId(deletion.shardId())));
    }
    int deleted = 0;
    int gone = 0;
    int retried = 0;
    int gaveUp = 0;
    for (int i = 0; i < due.size(); i++) {
      ShardDeletion deletion = due.get(i);
      try {
        if (calls.get(i).get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
          deleted++;
        } else {
          gone++;
        }
        metadata.ackShardDeletion(deletion);
      } catch (ExecutionException | TimeoutException e) {
        nodes.forget(deletion.nodeId());
        if (deletion.attempts() + 1 >= settings.maxAttempts()) {
          LOG.log(
              Level.WARNING,
              "giving up deleting shard {0} on node {1} after {2} attempts: {3}",
              deletion.shardId(),
              deletion.nodeId(),
              deletion.attempts() + 1,
              String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
          metadata.ackShardDeletion(deletion);
          gaveUp++;
        } else {
          metadata.retryShardDeletion(deletion, now.plus(backoff(deletion.attempts())));
          retried++;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Pass(deleted, gone, retried, gaveUp);
  }

  /** The delay before attempt {@code attempts + 2}: firstRetry * 2^attempts, capped. */
  Duration backoff(int attempts) {
    Duration delay = settings.firstRetry();
    for (int i = 0; i < attempts && delay.compareTo(settings.maxRetry()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
  }

  /** Runs passes until nothing is due now, at most {@code maxPasses}; returns the passes run. */
  public int drain(int maxPasses) {
    int passes = 0;
    while (passes < maxPasses) {
      Pass pass = runOnce();
      passes++;
      if (pass.total() == 0 || pass.deleted() + pass.alreadyGone() + pass.gaveUp() == 0) {
        break;
      }
    }
    return passes;
  }
}
