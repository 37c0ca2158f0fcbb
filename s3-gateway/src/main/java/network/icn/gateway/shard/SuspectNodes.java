package network.icn.gateway.shard;

import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;

/**
 * This gateway's own, short-lived view of which nodes it cannot reach: a local failure detector
 * that runs ahead of placement's heartbeat-based liveness. Placement keeps a stopped node ACTIVE
 * until it has missed a few heartbeats; meanwhile every segment placed on it loses that shard, and
 * one placed on two such nodes misses the write quorum. Once a shard connection to a node failed
 * ({@link #isUnreachable}), the node is suspect for {@link #window()} or until a later successful
 * contact, and writers ask placement for replacements of suspect nodes before sending anything.
 *
 * <p>Suspicion only ever steers new shards away from a node; it never lowers how many shards a
 * segment gets or how many must be acknowledged. Thread-safe; one per gateway process.
 */
public final class SuspectNodes {
  /** How long a node stays suspect after a failed contact (unless it is reached again). */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(15);

  private final Clock clock;
  private final Duration window;
  private final Map<String, Instant> until = new ConcurrentHashMap<>();

  public SuspectNodes(Clock clock, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
    if (!window.isPositive()) {
      throw new IllegalArgumentException("suspect window must be > 0, got " + window);
    }
  }

  public Duration window() {
    return window;
  }

  /** The node could not be reached: suspect for the next {@link #window()}. */
  public void unreachable(String nodeId) {
    until.put(key(nodeId), clock.instant().plus(window));
  }

  /** A successful contact: the node is no longer suspect. */
  public void reached(String nodeId) {
    until.remove(key(nodeId));
  }

  /** Whether the node is suspect now. */
  public boolean isSuspect(String nodeId) {
    Instant end = until.get(key(nodeId));
    return end != null && clock.instant().isBefore(end);
  }

  /** The node ids suspect now (lower case, sorted); expired entries are dropped on the way. */
  public Set<String> current() {
    Instant now = clock.instant();
    until.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
    Set<String> ids = new TreeSet<>();
    until.forEach(
        (id, end) -> {
          if (now.isBefore(end)) {
            ids.add(id);
          }
        });
    return ids;
  }

  /**
   * Whether a shard transfer's failure says the node itself is unreachable: the connection was
   * refused or timed out (a {@link SocketException} anywhere in the cause chain, as the agent
   * client reports a failed connect), or the node made no progress within the client's timeout.
   * Failures the node reported (disk full, bad request) and the writer's own aborts are not.
   */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException) {
        return true;
      }
      if (t instanceof AgentException e && e.error() == AgentError.TIMEOUT) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String key(String nodeId) {
    return Objects.requireNonNull(nodeId, "nodeId").toLowerCase(Locale.ROOT);
  }
}
