package network.icn.placement.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import network.icn.placement.api.NodeRegistration;
import network.icn.placement.api.NodeSignatures;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.store.InMemoryPlacementStore;
import network.icn.placement.store.RocksDbPlacementStore;
import network.icn.placement.testing.Harness;
import network.icn.placement.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

class NodeRegistryTest {
  private final Harness h = new Harness(new InMemoryPlacementStore());
  private final TestNode node = h.node(1, 1, "site-a");

  @Test
  void registrationSignedByTheNodeKeyIsAcceptedAsActive() {
    var view = h.service.register(node.signedRegistration(4 * TestNode.TB));
    assertEquals(node.nodeId, view.nodeId());
    assertEquals(NodeState.ACTIVE, view.state());
    assertEquals(4 * TestNode.TB, view.freeBytes());
    assertEquals(Harness.START, view.lastHeartbeat());
  }

  @Test
  void registrationWithAForgedSignatureIsRejected() {
    NodeRegistration registration = node.registration(TestNode.TB);
    ECKeyPair attacker = ECKeyPair.create(BigInteger.valueOf(666));
    var forged = SignedRegistration.sign(registration, attacker);
    var error = assertThrows(PlacementException.class, () -> h.service.register(forged));
    assertEquals(PlacementError.INVALID_SIGNATURE, error.error());
    assertTrue(h.service.nodes().isEmpty());
  }

  @Test
  void registrationWhoseFieldsWereChangedAfterSigningIsRejected() {
    var signed = node.signedRegistration(TestNode.TB);
    NodeRegistration r = signed.registration();
    var tampered =
        new SignedRegistration(
            new NodeRegistration(
                r.nodeId(),
                r.hpId(),
                r.region(),
                r.site(),
                r.hardwareClass(),
                r.endpoint(),
                r.capacityBytes() * 100,
                r.softwareVersion(),
                r.timestampMillis()),
            signed.signature());
    var error = assertThrows(PlacementException.class, () -> h.service.register(tampered));
    assertEquals(PlacementError.INVALID_SIGNATURE, error.error());
  }

  @Test
  void malformedSignatureIsRejectedAsInvalidSignature() {
    var bad = new SignedRegistration(node.registration(TestNode.TB), "0x1234");
    assertEquals(
        PlacementError.INVALID_SIGNATURE,
        assertThrows(PlacementException.class, () -> h.service.register(bad)).error());
  }

  @Test
  void heartbeatSignedByAnotherKeyIsRejected() {
    h.service.register(node.signedRegistration(TestNode.TB));
    var spoofed =
        SignedHeartbeat.sign(node.heartbeat(TestNode.TB, 0), ECKeyPair.create(BigInteger.TEN));
    var error = assertThrows(PlacementException.class, () -> h.service.heartbeat(spoofed));
    assertEquals(PlacementError.INVALID_SIGNATURE, error.error());
  }

  @Test
  void heartbeatOfAnUnknownNodeIsRejected() {
    var error =
        assertThrows(
            PlacementException.class,
            () -> h.service.heartbeat(node.signedHeartbeat(TestNode.TB, 0)));
    assertEquals(PlacementError.UNKNOWN_NODE, error.error());
  }

  @Test
  void replayedHeartbeatIsRejectedAsStale() {
    h.service.register(node.signedRegistration(TestNode.TB));
    SignedHeartbeat heartbeat = node.signedHeartbeat(TestNode.TB, 100);
    h.service.heartbeat(heartbeat);
    var error = assertThrows(PlacementException.class, () -> h.service.heartbeat(heartbeat));
    assertEquals(PlacementError.STALE_REQUEST, error.error());
  }

  @Test
  void messageOutsideTheClockSkewIsRejectedAsStale() {
    var signed = node.signedRegistration(TestNode.TB);
    h.clock.advance(RegistryConfig.DEFAULT.maxClockSkew().plusSeconds(1));
    var error = assertThrows(PlacementException.class, () -> h.service.register(signed));
    assertEquals(PlacementError.STALE_REQUEST, error.error());
  }

  @Test
  void heartbeatUpdatesTelemetry() {
    h.service.register(node.signedRegistration(4 * TestNode.TB));
    h.clock.advance(Duration.ofSeconds(10));
    var view = h.service.heartbeat(node.signedHeartbeat(4 * TestNode.TB, TestNode.TB));
    assertEquals(TestNode.TB, view.usedBytes());
    assertEquals(3 * TestNode.TB, view.freeBytes());
    assertEquals(10, view.shardCount());
    assertEquals(Harness.START.plusSeconds(10), view.lastHeartbeat());
  }

  @Test
  void reRegistrationUpdatesInPlace() {
    h.service.register(node.signedRegistration(TestNode.TB));
    h.clock.advance(Duration.ofMinutes(1));
    var view = h.service.register(node.signedRegistration(8 * TestNode.TB));
    assertEquals(1, h.service.nodes().size());
    assertEquals(8 * TestNode.TB, view.capacityBytes());
    assertEquals(Harness.START, view.registeredAt());
  }

  @Test
  void silentNodeBecomesSuspectAfterMissedHeartbeatsThenDownThenActiveOnHeartbeat() {
    h.service.register(node.signedRegistration(TestNode.TB));
    RegistryConfig config = RegistryConfig.DEFAULT;

    h.clock.advance(config.suspectAfter());
    assertEquals(List.of(), h.registry.checkLiveness(), "exactly at the limit: still active");

    h.clock.advance(Duration.ofMillis(1));
    assertEquals(
        List.of(
            new Transition(
                node.nodeId, NodeState.ACTIVE, NodeState.SUSPECT, "no heartbeat for 30s")),
        h.registry.checkLiveness());

    h.clock.advance(config.downAfter().minus(config.suspectAfter()));
    List<Transition> down = h.registry.checkLiveness();
    assertEquals(NodeState.DOWN, down.getFirst().to());
    assertEquals(NodeState.DOWN, h.service.node(node.nodeId).orElseThrow().state());
    assertEquals(1.0, h.metrics.transitions(NodeState.ACTIVE, NodeState.SUSPECT));
    assertEquals(1.0, h.metrics.transitions(NodeState.SUSPECT, NodeState.DOWN));

    h.service.heartbeat(node.signedHeartbeat(TestNode.TB, 0));
    assertEquals(NodeState.ACTIVE, h.service.node(node.nodeId).orElseThrow().state());
    assertEquals(1.0, h.metrics.transitions(NodeState.DOWN, NodeState.ACTIVE));
  }

  @Test
  void regularHeartbeatsKeepANodeActive() {
    h.service.register(node.signedRegistration(TestNode.TB));
    for (int i = 0; i < 100; i++) {
      h.clock.advance(RegistryConfig.DEFAULT.heartbeatInterval());
      h.service.heartbeat(node.signedHeartbeat(TestNode.TB, i));
      assertEquals(List.of(), h.registry.checkLiveness());
    }
  }

  @Test
  void drainingNodeStaysDrainingWhatevertheClockAndHeartbeatsSay() {
    h.service.register(node.signedRegistration(TestNode.TB));
    h.service.changeState(node.nodeId, NodeState.DRAINING);
    h.clock.advance(Duration.ofHours(1));
    assertEquals(List.of(), h.registry.checkLiveness());
    h.service.heartbeat(node.signedHeartbeat(TestNode.TB, 0));
    assertEquals(NodeState.DRAINING, h.service.node(node.nodeId).orElseThrow().state());
    assertEquals(1, h.service.nodesInState(NodeState.DRAINING).size());
  }

  @Test
  void livenessStatesCannotBeSetByAnOperator() {
    h.service.register(node.signedRegistration(TestNode.TB));
    assertEquals(
        PlacementError.INVALID_STATE_TRANSITION,
        assertThrows(
                PlacementException.class, () -> h.service.changeState(node.nodeId, NodeState.DOWN))
            .error());
  }

  @Test
  void registrySurvivesARestart(@TempDir Path dir) {
    TestNode other = h.node(2, 2, "site-b");
    try (var store = RocksDbPlacementStore.open(dir)) {
      var first = new Harness(store);
      first.service.register(node.signedRegistration(4 * TestNode.TB));
      first.service.register(other.signedRegistration(2 * TestNode.TB));
      first.service.heartbeat(node.signedHeartbeat(4 * TestNode.TB, TestNode.TB));
      first.service.changeState(other.nodeId, NodeState.DRAINING);
    }
    try (var store = RocksDbPlacementStore.open(dir)) {
      var reopened = new Harness(store);
      var nodes = reopened.service.nodes();
      assertEquals(2, nodes.size());
      var a = reopened.service.node(node.nodeId).orElseThrow();
      assertEquals(3 * TestNode.TB, a.freeBytes());
      assertEquals("site-a", a.site());
      assertEquals(node.hpId, a.hpId());
      assertEquals(NodeState.DRAINING, reopened.service.node(other.nodeId).orElseThrow().state());
      // The replay guard survives too: the old heartbeat's timestamp is remembered.
      var error =
          assertThrows(
              PlacementException.class,
              () ->
                  reopened.service.register(
                      SignedRegistration.sign(
                          new NodeRegistration(
                              node.nodeId,
                              node.hpId,
                              "eu-central-1",
                              "site-a",
                              "hdd-16t",
                              "http://127.0.0.1:9000",
                              TestNode.TB,
                              "0.1.0",
                              1),
                          node.key)));
      assertEquals(PlacementError.STALE_REQUEST, error.error());
      assertEquals(node.nodeId, NodeSignatures.address(node.key));
    }
  }
}
