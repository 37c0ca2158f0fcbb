package network.icn.placement.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeUtilisation;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.ShardAssignment;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Spread;
import network.icn.placement.api.Utilisation;
import network.icn.placement.booking.BookingLedger;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.policy.PolicyNode;
import network.icn.placement.policy.PolicyResult;
import network.icn.placement.policy.RegionSnapshot;
import network.icn.placement.policy.ShardHolder;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.store.NodeRecord;

/** Placement in the caller's process: what the gateway embeds and the HTTP server exposes. */
public final class InProcessPlacementService implements PlacementService, PlacementAdmin {
  private record Placed(LongAdder shards, LongAdder bytes) {}

  private final NodeRegistry registry;
  private final BookingLedger ledger;
  private final PlacementPolicy policy;
  private final SnapshotCache snapshots;
  private final PlacementMetrics metrics;
  private final Map<String, Placed> placed = new ConcurrentHashMap<>();

  public InProcessPlacementService(
      NodeRegistry registry,
      BookingLedger ledger,
      PlacementPolicy policy,
      SnapshotCache snapshots,
      PlacementMetrics metrics) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public NodeView register(SignedRegistration registration) {
    return registry.register(Objects.requireNonNull(registration, "registration")).toView();
  }

  @Override
  public NodeView heartbeat(SignedHeartbeat heartbeat) {
    return registry.heartbeat(Objects.requireNonNull(heartbeat, "heartbeat")).toView();
  }

  @Override
  public List<NodeView> nodes() {
    return registry.nodes().stream().map(NodeRecord::toView).toList();
  }

  @Override
  public Optional<NodeView> node(String nodeId) {
    return registry.node(nodeId).map(NodeRecord::toView);
  }

  @Override
  public List<NodeView> nodesInState(NodeState state) {
    Objects.requireNonNull(state, "state");
    return registry.nodes().stream()
        .filter(n -> n.state() == state)
        .map(NodeRecord::toView)
        .toList();
  }

  @Override
  public NodeView changeState(String nodeId, NodeState state) {
    return registry.changeState(nodeId, state).toView();
  }

  @Override
  public Placement place(PlacementRequest request) {
    Objects.requireNonNull(request, "request");
    int n = request.totalShards();
    long bytes;
    try {
      bytes = Math.multiplyExact(request.shardSizeBytes(), n);
    } catch (ArithmeticException e) {
      throw new PlacementException(PlacementError.INVALID_REQUEST, "segment size overflows");
    }
    try {
      ledger.charge(request.tenantId(), request.region(), bytes);
    } catch (PlacementException e) {
      metrics.request("place", e.error());
      throw e;
    }
    PolicyResult result;
    try {
      result =
          policy.place(
              snapshot(request.region(), n, request.shardSizeBytes()),
              request.segmentId(),
              n,
              request.parityShards(),
              request.shardSizeBytes());
    } catch (PlacementException e) {
      ledger.refund(request.tenantId(), request.region(), bytes);
      metrics.request("place", e.error());
      throw e;
    }
    return finish(
        "place",
        request.segmentId(),
        request.region(),
        result,
        request.parityShards(),
        request.shardSizeBytes());
  }

  @Override
  public Placement replacement(ReplacementRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      List<ShardHolder> holders = new ArrayList<>();
      Set<String> excluded = new HashSet<>(request.excludedNodeIds());
      for (String id : request.currentNodeIds()) {
        Optional<NodeRecord> node = registry.node(id);
        if (node.isPresent()) {
          holders.add(new ShardHolder(id, node.get().hpId(), node.get().site()));
        } else {
          excluded.add(id);
        }
      }
      PolicyResult result =
          policy.replace(
              snapshot(request.region(), request.count(), request.shardSizeBytes()),
              request.segmentId(),
              request.count(),
              request.parityShards(),
              request.shardSizeBytes(),
              holders,
              excluded);
      return finish(
          "replacement",
          request.segmentId(),
          request.region(),
          result,
          request.parityShards(),
          request.shardSizeBytes());
    } catch (PlacementException e) {
      metrics.request("replacement", e.error());
      throw e;
    }
  }

  @Override
  public Booking book(BookingRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      Booking booking = ledger.book(request);
      metrics.request("book", null);
      return booking;
    } catch (PlacementException e) {
      metrics.request("book", e.error());
      throw e;
    }
  }

  @Override
  public List<Booking> bookings(String tenantId) {
    return ledger.bookings(Objects.requireNonNull(tenantId, "tenantId"));
  }

  @Override
  public Utilisation utilisation(String region) {
    Objects.requireNonNull(region, "region");
    List<NodeUtilisation> nodes = new ArrayList<>();
    long capacity = 0;
    long used = 0;
    long free = 0;
    for (NodeRecord node : registry.nodes()) {
      if (!node.region().equals(region)) {
        continue;
      }
      Placed p = placed.get(node.nodeId());
      nodes.add(
          new NodeUtilisation(
              node.nodeId(),
              node.hpId(),
              node.site(),
              node.state(),
              node.capacityBytes(),
              node.usedBytes(),
              node.freeBytes(),
              p == null ? 0 : p.shards().sum(),
              p == null ? 0 : p.bytes().sum()));
      if (node.state() != NodeState.DECOMMISSIONED) {
        capacity += node.capacityBytes();
        used += node.usedBytes();
        free += node.freeBytes();
      }
    }
    var tenants = ledger.utilisation(region);
    long booked = tenants.stream().mapToLong(t -> t.bookedBytes()).sum();
    long placedBytes = tenants.stream().mapToLong(t -> t.usedBytes()).sum();
    return new Utilisation(region, capacity, used, free, booked, placedBytes, tenants, nodes);
  }

  private RegionSnapshot snapshot(String region, int needed, long shardSizeBytes) {
    RegionSnapshot snapshot = snapshots.snapshot(region);
    if (snapshot == null) {
      throw new PlacementException(
          PlacementError.NOT_ENOUGH_NODES,
          "region "
              + region
              + " has 0 eligible nodes (ACTIVE, free >= "
              + shardSizeBytes
              + " bytes) but "
              + needed
              + " are needed");
    }
    return snapshot;
  }

  private Placement finish(
      String operation,
      String segmentId,
      String region,
      PolicyResult result,
      int m,
      long shardSizeBytes) {
    List<ShardAssignment> shards = new ArrayList<>(result.nodes().size());
    for (int i = 0; i < result.nodes().size(); i++) {
      PolicyNode node = result.nodes().get(i);
      shards.add(new ShardAssignment(i, node.nodeId(), node.endpoint(), node.hpId(), node.site()));
      Placed p =
          placed.computeIfAbsent(node.nodeId(), k -> new Placed(new LongAdder(), new LongAdder()));
      p.shards().increment();
      p.bytes().add(shardSizeBytes);
    }
    Spread spread = Spread.of(result.maxShardsPerHp(), result.maxShardsPerSite(), m);
    metrics.request(operation, null);
    if (result.constrained()) {
      metrics.constrainedSelection(operation);
    }
    if (!spread.constraintMet()) {
      metrics.spreadNotMet(operation);
    }
    return new Placement(segmentId, region, shards, spread);
  }
}
