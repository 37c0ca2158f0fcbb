package network.icn.gateway.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.ShardAssignment;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Spread;
import network.icn.placement.api.Utilisation;

/**
 * A hand-written placement fake over a fixed node list: places round-robin, knows nodes' endpoints,
 * supports nothing else. For child JVMs that talk to agents the parent test runs, and for the
 * in-memory agent fake.
 */
public final class StaticPlacement implements PlacementService {
  /** A node: id, operator, site, endpoint ({@code http://host:port}). */
  public record Node(String nodeId, String hpId, String site, String endpoint) {
    /** {@code nodeId|hpId|site|endpoint}. */
    public String encode() {
      return String.join("|", nodeId, hpId, site, endpoint);
    }

    public static Node decode(String text) {
      String[] p = text.split("\\|");
      return new Node(p[0], p[1], p[2], p[3]);
    }

    public static Node of(NodeView view) {
      return new Node(view.nodeId(), view.hpId(), view.site(), view.endpoint());
    }
  }

  private final List<Node> nodes;
  private final AtomicInteger next = new AtomicInteger();

  public StaticPlacement(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public Placement place(PlacementRequest request) {
    int n = request.totalShards();
    if (n > nodes.size()) {
      throw new IllegalStateException("need " + n + " nodes, have " + nodes.size());
    }
    int start = Math.floorMod(next.getAndIncrement(), nodes.size());
    List<ShardAssignment> shards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node node = nodes.get((start + i) % nodes.size());
      shards.add(new ShardAssignment(i, node.nodeId(), node.endpoint(), node.hpId(), node.site()));
    }
    return new Placement(
        request.segmentId(), request.region(), shards, Spread.of(1, 1, request.parityShards()));
  }

  @Override
  public List<NodeView> nodes() {
    return nodes.stream().map(StaticPlacement::view).toList();
  }

  @Override
  public Optional<NodeView> node(String nodeId) {
    return nodes.stream()
        .filter(n -> n.nodeId().equalsIgnoreCase(nodeId))
        .findFirst()
        .map(StaticPlacement::view);
  }

  private static NodeView view(Node node) {
    Instant epoch = Instant.EPOCH;
    return new NodeView(
        node.nodeId(),
        node.hpId(),
        LocalCluster.REGION,
        node.site(),
        "test",
        node.endpoint(),
        1L << 40,
        0,
        1L << 40,
        NodeState.ACTIVE,
        epoch,
        "test",
        0,
        0,
        0,
        0,
        epoch);
  }

  @Override
  public NodeView register(SignedRegistration registration) {
    throw new UnsupportedOperationException("static placement");
  }

  @Override
  public NodeView heartbeat(SignedHeartbeat heartbeat) {
    throw new UnsupportedOperationException("static placement");
  }

  @Override
  public Placement replacement(ReplacementRequest request) {
    throw new UnsupportedOperationException("static placement");
  }

  @Override
  public Booking book(BookingRequest request) {
    throw new UnsupportedOperationException("static placement");
  }

  @Override
  public List<Booking> bookings(String tenantId) {
    return List.of();
  }

  @Override
  public Utilisation utilisation(String region) {
    throw new UnsupportedOperationException("static placement");
  }
}
