package network.icn.placement.registry;

import java.time.Duration;
import java.time.Instant;
import network.icn.placement.api.NodeState;

/**
 * The liveness rule, as a pure function. A check only ever degrades a node (ACTIVE → SUSPECT →
 * DOWN); a heartbeat brings it back to ACTIVE. Operator states (DRAINING, DECOMMISSIONED) are left
 * alone.
 */
public final class Liveness {
  private Liveness() {}

  public static NodeState next(
      NodeState current, Instant lastHeartbeat, Instant now, RegistryConfig config) {
    if (current == NodeState.DRAINING || current == NodeState.DECOMMISSIONED) {
      return current;
    }
    Duration silence = Duration.between(lastHeartbeat, now);
    NodeState byClock;
    if (silence.compareTo(config.downAfter()) > 0) {
      byClock = NodeState.DOWN;
    } else if (silence.compareTo(config.suspectAfter()) > 0) {
      byClock = NodeState.SUSPECT;
    } else {
      byClock = NodeState.ACTIVE;
    }
    return severity(byClock) > severity(current) ? byClock : current;
  }

  private static int severity(NodeState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case SUSPECT -> 1;
      case DOWN -> 2;
      case DRAINING, DECOMMISSIONED -> -1;
    };
  }
}
