package network.icn.placement.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import network.icn.placement.api.NodeState;
import network.icn.placement.policy.PolicyNode;
import network.icn.placement.policy.RegionSnapshot;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.store.NodeRecord;

/**
 * Per-region snapshots of eligible nodes (ACTIVE, free &gt; 0). Rebuilt at once when the registry's
 * topology changes (a node joins, changes state or domain), and at most once per {@code
 * telemetryRefresh} when only heartbeat telemetry (free bytes, the weights) changed. Never per
 * call.
 */
public final class SnapshotCache {
  private record Snapshots(
      long topology, long telemetry, Instant builtAt, Map<String, RegionSnapshot> regions) {}

  private final NodeRegistry registry;
  private final long seed;
  private final Clock clock;
  private final Duration telemetryRefresh;
  private volatile Snapshots current;

  public SnapshotCache(NodeRegistry registry, long seed, Clock clock, Duration telemetryRefresh) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.telemetryRefresh = Objects.requireNonNull(telemetryRefresh, "telemetryRefresh");
    this.current = build();
  }

  /** The region's snapshot, or null if it has no eligible node. */
  public RegionSnapshot snapshot(String region) {
    Snapshots s = current;
    if (stale(s)) {
      synchronized (this) {
        s = current;
        if (stale(s)) {
          s = build();
          current = s;
        }
      }
    }
    return s.regions().get(region);
  }

  private boolean stale(Snapshots s) {
    if (s.topology() != registry.topologyVersion()) {
      return true;
    }
    return s.telemetry() != registry.telemetryVersion()
        && Duration.between(s.builtAt(), clock.instant()).compareTo(telemetryRefresh) >= 0;
  }

  private Snapshots build() {
    long topology = registry.topologyVersion();
    long telemetry = registry.telemetryVersion();
    Map<String, List<PolicyNode>> byRegion = new HashMap<>();
    for (NodeRecord node : registry.nodes()) {
      if (node.state() == NodeState.ACTIVE && node.freeBytes() > 0) {
        byRegion
            .computeIfAbsent(node.region(), k -> new ArrayList<>())
            .add(
                new PolicyNode(
                    node.nodeId(), node.hpId(), node.site(), node.endpoint(), node.freeBytes()));
      }
    }
    Map<String, RegionSnapshot> regions = new HashMap<>();
    byRegion.forEach(
        (region, nodes) -> regions.put(region, RegionSnapshot.build(region, nodes, seed)));
    return new Snapshots(topology, telemetry, clock.instant(), Map.copyOf(regions));
  }
}
