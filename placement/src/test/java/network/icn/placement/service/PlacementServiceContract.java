package network.icn.placement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.registry.RegistryConfig;
import network.icn.placement.store.InMemoryPlacementStore;
import network.icn.placement.testing.Harness;
import network.icn.placement.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;

/**
 * The behaviour every {@link PlacementService} must have; run against the in-process service and
 * against the HTTP client talking to the HTTP server.
 */
abstract class PlacementServiceContract {
  static final String REGION = "eu-central-1";
  static final String TENANT = "builder-1";
  static final long SHARD = 16L << 20;

  final Harness h = new Harness(new InMemoryPlacementStore());

  /** The implementation under test, backed by {@link #h}. */
  abstract PlacementService service();

  abstract PlacementAdmin admin();

  /** Registers {@code count} nodes over {@code hps} HPs and {@code sites} sites. */
  List<TestNode> cluster(int count, int hps, int sites) {
    List<TestNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TestNode node = h.node(i, i % hps, "site-" + (i % sites));
      service().register(node.signedRegistration((1 + i % 4) * TestNode.TB));
      nodes.add(node);
    }
    return nodes;
  }

  void bookUnits(long units) {
    service()
        .book(
            new BookingRequest(
                TENANT, REGION, units, Harness.START, Harness.START.plus(Duration.ofDays(30))));
  }

  PlacementRequest request(String segment, int k, int m) {
    return new PlacementRequest(TENANT, segment, REGION, k, m, SHARD);
  }

  @Test
  void registeredNodesAreListedAndDetailed() {
    List<TestNode> nodes = cluster(3, 3, 3);
    assertEquals(3, service().nodes().size());
    var view = service().node(nodes.get(1).nodeId).orElseThrow();
    assertEquals(nodes.get(1).hpId, view.hpId());
    assertEquals("site-1", view.site());
    assertEquals(NodeState.ACTIVE, view.state());
    assertEquals(Harness.START, view.lastHeartbeat());
  }

  @Test
  void unknownNodeIsEmpty() {
    assertTrue(service().node("0x" + "0".repeat(40)).isEmpty());
  }

  @Test
  void forgedRegistrationIsRejectedWithInvalidSignature() {
    TestNode node = h.node(1, 1, "site-a");
    var forged =
        SignedRegistration.sign(node.registration(TestNode.TB), ECKeyPair.create(BigInteger.TWO));
    var error = assertThrows(PlacementException.class, () -> service().register(forged));
    assertEquals(PlacementError.INVALID_SIGNATURE, error.error());
  }

  @Test
  void placeReturnsKPlusMDistinctNodesSpreadOverHpsAndSites() {
    cluster(12, 6, 3);
    bookUnits(10);
    Placement placement = service().place(request("seg-1", 4, 2));
    assertEquals(6, placement.shards().size());
    assertEquals(6, new HashSet<>(placement.nodeIds()).size());
    assertTrue(placement.spread().constraintMet(), placement.spread()::toString);
    assertTrue(placement.spread().maxShardsPerHp() <= 2);
    assertEquals(placement, service().place(request("seg-1", 4, 2)), "same segment, same nodes");
  }

  @Test
  void sixNodesOnTwoSitesReportTheSiteSpreadThatCouldNotBeMet() {
    cluster(6, 3, 2);
    bookUnits(10);
    Placement placement = service().place(request("seg", 4, 2));
    assertEquals(2, placement.spread().maxShardsPerHp());
    assertTrue(placement.spread().hpConstraintMet());
    assertEquals(3, placement.spread().maxShardsPerSite());
    assertFalse(placement.spread().siteConstraintMet());
  }

  @Test
  void placementWithoutBookingFailsWithNoBooking() {
    cluster(6, 6, 3);
    var error = assertThrows(PlacementException.class, () -> service().place(request("seg", 4, 2)));
    assertEquals(PlacementError.NO_BOOKING, error.error());
    assertTrue(error.getMessage().contains("has no booking in " + REGION), error.getMessage());
  }

  @Test
  void placementPastTheBookingTermFailsWithNoBooking() {
    cluster(6, 6, 3);
    bookUnits(10);
    h.clock.advance(Duration.ofDays(31));
    var error = assertThrows(PlacementException.class, () -> service().place(request("seg", 4, 2)));
    assertEquals(PlacementError.NO_BOOKING, error.error());
    assertTrue(error.getMessage().contains("ended"), error.getMessage());
  }

  @Test
  void placementBeyondTheBookedCapacityFailsWithBookingExceeded() {
    cluster(6, 6, 3);
    bookUnits(1); // 1 GiB = 64 shards of 16 MiB = 10 segments of 6 shards
    for (int i = 0; i < 10; i++) {
      service().place(request("seg-" + i, 4, 2));
    }
    var error =
        assertThrows(PlacementException.class, () -> service().place(request("seg-x", 4, 2)));
    assertEquals(PlacementError.BOOKING_EXCEEDED, error.error());
  }

  @Test
  void notEnoughNodesFailsClearlyAndChargesNothing() {
    cluster(5, 5, 5);
    bookUnits(1);
    var error = assertThrows(PlacementException.class, () -> service().place(request("seg", 4, 2)));
    assertEquals(PlacementError.NOT_ENOUGH_NODES, error.error());
    assertTrue(error.getMessage().contains("6 are needed"), error.getMessage());
    assertEquals(0, service().utilisation(REGION).placedBytes());
  }

  @Test
  void drainingDecommissionedAndDownNodesAreNeverChosen() {
    List<TestNode> nodes = cluster(12, 6, 3);
    bookUnits(100);
    admin().changeState(nodes.get(0).nodeId, NodeState.DRAINING);
    admin().changeState(nodes.get(1).nodeId, NodeState.DECOMMISSIONED);
    // Nodes 2 and 3 go silent; the rest keep sending heartbeats.
    h.clock.advance(RegistryConfig.DEFAULT.downAfter().plusSeconds(1));
    for (int i = 4; i < nodes.size(); i++) {
      service().heartbeat(nodes.get(i).signedHeartbeat(4 * TestNode.TB, 0));
    }
    h.registry.checkLiveness();
    assertEquals(2, admin().nodesInState(NodeState.DOWN).size());
    assertEquals(
        List.of(nodes.get(0).nodeId),
        admin().nodesInState(NodeState.DRAINING).stream().map(n -> n.nodeId()).toList());
    Set<String> excluded =
        Set.of(nodes.get(0).nodeId, nodes.get(1).nodeId, nodes.get(2).nodeId, nodes.get(3).nodeId);
    for (int i = 0; i < 200; i++) {
      for (String id : service().place(request("seg-" + i, 4, 2)).nodeIds()) {
        assertFalse(excluded.contains(id), id);
      }
    }
  }

  @Test
  void replacementAvoidsCurrentAndExcludedNodes() {
    cluster(12, 6, 3);
    bookUnits(10);
    Placement original = service().place(request("seg", 4, 2));
    List<String> survivors = original.nodeIds().subList(0, 4);
    List<String> lost = original.nodeIds().subList(4, 6);
    Placement repair =
        service()
            .replacement(
                new ReplacementRequest(TENANT, "seg", REGION, survivors, lost, 2, SHARD, 2));
    assertEquals(2, repair.shards().size());
    for (String id : repair.nodeIds()) {
      assertFalse(survivors.contains(id));
      assertFalse(lost.contains(id));
    }
    assertTrue(repair.spread().constraintMet(), repair.spread()::toString);
  }

  @Test
  void bookingsAndUtilisationReportBookedAndUsedPerTenantAndNode() {
    cluster(6, 6, 3);
    bookUnits(2);
    var second =
        service()
            .book(
                new BookingRequest(
                    "builder-2", REGION, 1, Harness.START, Harness.START.plus(Duration.ofDays(1))));
    assertEquals(Harness.UNIT_BYTES, second.bytes());
    service().place(request("seg", 4, 2));
    assertEquals(1, service().bookings(TENANT).size());
    assertEquals(2, service().bookings(TENANT).getFirst().units());
    var utilisation = service().utilisation(REGION);
    assertEquals(3 * Harness.UNIT_BYTES, utilisation.bookedBytes());
    assertEquals(6 * SHARD, utilisation.placedBytes());
    var tenant =
        utilisation.tenants().stream()
            .filter(t -> t.tenantId().equals(TENANT))
            .findFirst()
            .orElseThrow();
    assertEquals(2 * Harness.UNIT_BYTES, tenant.bookedBytes());
    assertEquals(6 * SHARD, tenant.usedBytes());
    assertEquals(6, utilisation.nodes().size());
    assertEquals(6, utilisation.nodes().stream().mapToLong(n -> n.placedShards()).sum());
  }

  @Test
  void invalidRequestIsRejectedBeforeReachingTheService() {
    var error =
        assertThrows(
            PlacementException.class,
            () -> new PlacementRequest(TENANT, "seg", "EU central", 4, 2, SHARD));
    assertEquals(PlacementError.INVALID_REQUEST, error.error());
  }
}
