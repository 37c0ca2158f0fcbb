package network.icn.placement.registry;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import network.icn.placement.api.Heartbeat;
import network.icn.placement.api.NodeRegistration;
import network.icn.placement.api.NodeSignatures;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.store.NodeRecord;
import network.icn.placement.store.PlacementStore;

/**
 * The node registry. All nodes live in memory (loaded from the store at start) and every change is
 * written through. Updates to one node are serialised by the map; signatures are checked before, so
 * the expensive recovery runs in parallel.
 *
 * <p>Two version counters let placement snapshots refresh cheaply: {@link #topologyVersion()} moves
 * when a node's eligibility can change (registration, state, region/site/HP), {@link
 * #telemetryVersion()} on every heartbeat.
 */
public final class NodeRegistry {
  private static final Logger LOG = System.getLogger(NodeRegistry.class.getName());

  private final PlacementStore store;
  private final RegistryConfig config;
  private final Clock clock;
  private final PlacementMetrics metrics;
  private final Map<String, NodeRecord> nodes = new ConcurrentHashMap<>();
  private final AtomicLong topologyVersion = new AtomicLong();
  private final AtomicLong telemetryVersion = new AtomicLong();

  public NodeRegistry(
      PlacementStore store, RegistryConfig config, Clock clock, PlacementMetrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    for (NodeRecord node : store.loadNodes()) {
      nodes.put(node.nodeId(), node);
    }
    metrics.nodesByState(this::countByState);
  }

  /** Registers or re-registers (in place) a node whose signature recovers to its id. */
  public NodeRecord register(SignedRegistration signed) {
    try {
      NodeRecord result = doRegister(signed);
      metrics.registration(null);
      return result;
    } catch (PlacementException e) {
      metrics.registration(e.error());
      throw e;
    }
  }

  private NodeRecord doRegister(SignedRegistration signed) {
    NodeRegistration r = signed.registration();
    verify(r.signingBytes(), signed.signature(), r.nodeId());
    Instant now = clock.instant();
    checkSkew(r.timestampMillis(), now, "registration");
    List<Transition> transitions = new ArrayList<>(1);
    NodeRecord updated =
        nodes.compute(
            r.nodeId(),
            (id, old) -> {
              if (old != null && r.timestampMillis() <= old.lastRegistrationMillis()) {
                throw new PlacementException(
                    PlacementError.STALE_REQUEST,
                    "registration of "
                        + id
                        + " is not newer than the last accepted one (timestamp "
                        + r.timestampMillis()
                        + " <= "
                        + old.lastRegistrationMillis()
                        + ")");
              }
              NodeState state = old == null ? NodeState.ACTIVE : afterSignOfLife(old.state());
              long used = old == null ? 0 : old.usedBytes();
              NodeRecord next =
                  new NodeRecord(
                      id,
                      r.hpId(),
                      r.region(),
                      r.site(),
                      r.hardwareClass(),
                      r.endpoint(),
                      r.capacityBytes(),
                      used,
                      Math.max(0, r.capacityBytes() - used),
                      state,
                      now,
                      r.softwareVersion(),
                      old == null ? 0 : old.shardCount(),
                      old == null ? 0 : old.diskErrors(),
                      old == null ? 0 : old.corruptShards(),
                      old == null ? 0 : old.uptimeSeconds(),
                      old == null ? now : old.registeredAt(),
                      r.timestampMillis(),
                      old == null ? 0 : old.lastHeartbeatMillis());
              store.putNode(next);
              if (old == null) {
                LOG.log(
                    Level.INFO,
                    "node {0} registered: hp {1}, {2}/{3}, {4} bytes",
                    id,
                    r.hpId(),
                    r.region(),
                    r.site(),
                    r.capacityBytes());
              } else if (old.state() != state) {
                transitions.add(new Transition(id, old.state(), state, "registration"));
              }
              return next;
            });
    topologyVersion.incrementAndGet();
    transitions.forEach(this::record);
    return updated;
  }

  /** Records telemetry from a registered node whose signature recovers to its id. */
  public NodeRecord heartbeat(SignedHeartbeat signed) {
    try {
      NodeRecord result = doHeartbeat(signed);
      metrics.heartbeat(null);
      return result;
    } catch (PlacementException e) {
      metrics.heartbeat(e.error());
      throw e;
    }
  }

  private NodeRecord doHeartbeat(SignedHeartbeat signed) {
    Heartbeat h = signed.heartbeat();
    verify(h.signingBytes(), signed.signature(), h.nodeId());
    Instant now = clock.instant();
    checkSkew(h.timestampMillis(), now, "heartbeat");
    List<Transition> transitions = new ArrayList<>(1);
    NodeRecord updated =
        nodes.compute(
            h.nodeId(),
            (id, old) -> {
              if (old == null) {
                throw new PlacementException(
                    PlacementError.UNKNOWN_NODE, "node " + id + " is not registered");
              }
              if (h.timestampMillis() <= old.lastHeartbeatMillis()) {
                throw new PlacementException(
                    PlacementError.STALE_REQUEST,
                    "heartbeat of " + id + " is not newer than the last accepted one");
              }
              NodeState state = afterSignOfLife(old.state());
              NodeRecord next =
                  new NodeRecord(
                      id,
                      old.hpId(),
                      old.region(),
                      old.site(),
                      old.hardwareClass(),
                      old.endpoint(),
                      h.capacityBytes(),
                      h.usedBytes(),
                      h.freeBytes(),
                      state,
                      now,
                      h.softwareVersion(),
                      h.shardCount(),
                      h.diskErrors(),
                      h.corruptShards(),
                      h.uptimeSeconds(),
                      old.registeredAt(),
                      old.lastRegistrationMillis(),
                      h.timestampMillis());
              store.putNode(next);
              if (old.state() != state) {
                transitions.add(new Transition(id, old.state(), state, "heartbeat"));
              }
              return next;
            });
    if (transitions.isEmpty()) {
      telemetryVersion.incrementAndGet();
    } else {
      topologyVersion.incrementAndGet();
      transitions.forEach(this::record);
    }
    return updated;
  }

  /**
   * Applies the liveness rule to every node at the clock's current time.
   *
   * @return the transitions made (each is also logged and counted)
   */
  public List<Transition> checkLiveness() {
    Instant now = clock.instant();
    List<Transition> made = new ArrayList<>();
    for (String id : nodes.keySet()) {
      nodes.computeIfPresent(
          id,
          (key, node) -> {
            NodeState next = Liveness.next(node.state(), node.lastHeartbeat(), now, config);
            if (next == node.state()) {
              return node;
            }
            NodeRecord changed = node.withState(next);
            store.putNode(changed);
            Duration silence = Duration.between(node.lastHeartbeat(), now);
            made.add(
                new Transition(
                    key, node.state(), next, "no heartbeat for " + silence.toSeconds() + "s"));
            return changed;
          });
    }
    if (!made.isEmpty()) {
      topologyVersion.incrementAndGet();
      made.forEach(this::record);
    }
    return List.copyOf(made);
  }

  /**
   * Operator state change: DRAINING, DECOMMISSIONED, or ACTIVE (undrain / recommission; the node
   * then follows heartbeats again).
   */
  public NodeRecord changeState(String nodeId, NodeState target) {
    Objects.requireNonNull(target, "state");
    if (target == NodeState.SUSPECT || target == NodeState.DOWN) {
      throw new PlacementException(
          PlacementError.INVALID_STATE_TRANSITION,
          target + " is set by liveness, not by an operator");
    }
    List<Transition> transitions = new ArrayList<>(1);
    NodeRecord updated =
        nodes.compute(
            nodeId,
            (id, old) -> {
              if (old == null) {
                throw new PlacementException(
                    PlacementError.UNKNOWN_NODE, "node " + id + " is not registered");
              }
              if (old.state() == target) {
                return old;
              }
              if (target == NodeState.DRAINING && old.state() == NodeState.DECOMMISSIONED) {
                throw new PlacementException(
                    PlacementError.INVALID_STATE_TRANSITION,
                    "node " + id + " is decommissioned; set it ACTIVE before draining");
              }
              NodeRecord next = old.withState(target);
              store.putNode(next);
              transitions.add(new Transition(id, old.state(), target, "operator"));
              return next;
            });
    topologyVersion.incrementAndGet();
    transitions.forEach(this::record);
    return updated;
  }

  /** All nodes, ordered by id. */
  public List<NodeRecord> nodes() {
    return nodes.values().stream().sorted(Comparator.comparing(NodeRecord::nodeId)).toList();
  }

  public Optional<NodeRecord> node(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  public long topologyVersion() {
    return topologyVersion.get();
  }

  public long telemetryVersion() {
    return telemetryVersion.get();
  }

  public Map<NodeState, Long> countByState() {
    Map<NodeState, Long> counts = new EnumMap<>(NodeState.class);
    for (NodeRecord node : nodes.values()) {
      counts.merge(node.state(), 1L, Long::sum);
    }
    return counts;
  }

  private static NodeState afterSignOfLife(NodeState state) {
    return switch (state) {
      case ACTIVE, SUSPECT, DOWN -> NodeState.ACTIVE;
      case DRAINING, DECOMMISSIONED -> state;
    };
  }

  private void record(Transition t) {
    LOG.log(Level.INFO, "node {0}: {1} -> {2} ({3})", t.nodeId(), t.from(), t.to(), t.reason());
    metrics.transition(t.from(), t.to());
  }

  private static void verify(byte[] message, String signature, String nodeId) {
    String signer = NodeSignatures.recoverAddress(message, signature);
    if (!signer.equals(nodeId)) {
      throw new PlacementException(
          PlacementError.INVALID_SIGNATURE,
          "signature recovers to " + signer + ", not to node " + nodeId);
    }
  }

  private void checkSkew(long timestampMillis, Instant now, String what) {
    long skew = Math.abs(now.toEpochMilli() - timestampMillis);
    if (skew > config.maxClockSkew().toMillis()) {
      throw new PlacementException(
          PlacementError.STALE_REQUEST,
          what
              + " timestamp is "
              + skew
              + " ms from placement's clock (allowed: "
              + config.maxClockSkew().toMillis()
              + " ms)");
    }
  }
}
