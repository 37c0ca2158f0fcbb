package network.icn.agent.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.Signatures;
import network.icn.agent.store.StoreUsage;
import network.icn.agent.testing.AgentFixture;
import network.icn.agent.testing.Await;
import network.icn.agent.testing.FlakyPlacement;
import network.icn.agent.testing.InProcessPlacement;
import network.icn.agent.testing.MutableClock;
import network.icn.agent.testing.TestShards;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.service.InProcessPlacementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

/** A real agent against the real placement service, in process. */
final class AgentPlacementIntegrationTest {
  private static final int CHUNK = 64 * 1024;

  @TempDir Path dir;
  // Near real time: the gateway client signs requests with the system clock.
  private final MutableClock clock = new MutableClock(Instant.now());
  private final InProcessPlacementService placement = InProcessPlacement.start(clock);

  private AgentFixture agent(FlakyPlacement via) throws Exception {
    return new AgentFixture(
        dir,
        clock,
        Optional.of(via),
        "--region=eu-central",
        "--site=fra-1",
        "--hardware-class=hdd-dense",
        "--endpoint=http://127.0.0.1:0");
  }

  @Test
  void aStartedAgentRegistersWithItsKeyAddressPlaceEndpointAndCapacity() throws Exception {
    try (AgentFixture fx = agent(new FlakyPlacement(placement, 0))) {
      Await.until("registered", () -> placement.node(fx.agent.nodeId()).isPresent());

      NodeView view = placement.nodes().getFirst();
      assertEquals(1, placement.nodes().size());
      assertEquals(fx.agent.nodeId(), view.nodeId());
      assertEquals(fx.agent.nodeId(), view.hpId());
      assertEquals("eu-central", view.region());
      assertEquals("fra-1", view.site());
      assertEquals("hdd-dense", view.hardwareClass());
      assertEquals("http://127.0.0.1:" + fx.node().getPort(), view.endpoint());
      assertEquals(64L << 20, view.capacityBytes());
      assertEquals(NodeState.ACTIVE, view.state());
    }
  }

  @Test
  void heartbeatsReportUsageAfterAPutAndCorruptShardsAfterARead() throws Exception {
    try (AgentFixture fx = agent(new FlakyPlacement(placement, 0))) {
      RegistrationLoop loop = fx.agent.registration().orElseThrow();
      Await.until("registered", loop::registered);
      byte[] data = TestShards.bytes(3 * CHUNK, 9);
      fx.put("kept", data, CHUNK);
      fx.put("rots", data, CHUNK);

      clock.advance(Duration.ofSeconds(1));
      assertTrue(loop.attemptNow());

      StoreUsage usage = fx.agent.store().usage();
      NodeView view = placement.node(fx.agent.nodeId()).orElseThrow();
      assertEquals(2, view.shardCount());
      assertEquals(usage.usedBytes(), view.usedBytes());
      assertTrue(view.usedBytes() > 2L * data.length);
      assertEquals((64L << 20) - usage.usedBytes(), view.freeBytes());
      assertEquals(0, view.corruptShards());

      Path file = fx.agent.store().fileOf(new ShardId("rots"));
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        long inLastChunk = raf.length() - 8 - 3 * 4 - 20; // before the CRC table + footer
        raf.seek(inLastChunk);
        int b = raf.read();
        raf.seek(inLastChunk);
        raf.write(b ^ 1);
      }
      assertThrows(
          ExecutionException.class,
          () -> fx.get("rots", Optional.empty()).get(10, TimeUnit.SECONDS));
      clock.advance(Duration.ofSeconds(1));
      assertTrue(loop.attemptNow());

      view = placement.node(fx.agent.nodeId()).orElseThrow();
      assertEquals(1, view.corruptShards());
      assertEquals(1, view.shardCount());
    }
  }

  @Test
  void theAgentKeepsServingWhilePlacementIsUnreachable() throws Exception {
    FlakyPlacement unreachable = FlakyPlacement.unreachable(placement);
    try (AgentFixture fx = agent(unreachable)) {
      RegistrationLoop loop = fx.agent.registration().orElseThrow();
      Await.until("a failed attempt", () -> loop.consecutiveFailures() > 0);

      byte[] data = TestShards.bytes(2 * CHUNK, 10);
      fx.put("offline", data, CHUNK);
      assertArrayEquals(data, fx.get("offline", Optional.empty()).get(10, TimeUnit.SECONDS));

      assertEquals(0, loop.successes());
      assertTrue(placement.nodes().isEmpty());

      unreachable.failNext(0);
      assertTrue(loop.attemptNow());
      assertEquals(fx.agent.nodeId(), placement.nodes().getFirst().nodeId());
    }
  }

  @Test
  void aRegistrationSignedWithAnotherKeyIsRejected() {
    ECKeyPair node = ECKeyPair.create(BigInteger.valueOf(0x1111));
    ECKeyPair impostor = ECKeyPair.create(BigInteger.valueOf(0x2222));
    String nodeId = Signatures.address(node);
    PlacementRegistrar forged =
        new PlacementRegistrar(
            placement,
            impostor,
            new PlacementRegistrar.Identity(
                nodeId, nodeId, "eu-central", "fra-1", "hdd", "http://node:7070", "test"),
            () -> new StoreUsage(1L << 30, 0, 0, 0),
            () -> new PlacementRegistrar.Telemetry(0, 0),
            clock);

    PlacementException e = assertThrows(PlacementException.class, forged::register);

    assertEquals(PlacementError.INVALID_SIGNATURE, e.error());
    assertTrue(placement.nodes().isEmpty());
  }
}
