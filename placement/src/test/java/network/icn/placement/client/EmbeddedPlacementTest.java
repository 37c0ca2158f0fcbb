package network.icn.placement.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.testing.MutableClock;
import network.icn.placement.testing.TestNode;
import org.junit.jupiter.api.Test;

class EmbeddedPlacementTest {
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void embeddedPlacementRegistersBooksPlacesAndTracksLiveness() {
    MutableClock clock = new MutableClock(START);
    try (EmbeddedPlacement placement =
        EmbeddedPlacement.inMemory(
            new EmbeddedPlacement.Settings(7, 1L << 30, Duration.ofSeconds(2), Duration.ZERO),
            clock)) {
      for (int i = 0; i < 6; i++) {
        TestNode node = new TestNode(i, i, "eu-central-1", "site-" + i, clock);
        placement.register(node.signedRegistration(TestNode.TB));
      }
      placement.book(
          new BookingRequest("tenant-1", "eu-central-1", 4, START, START.plusSeconds(3600)));
      Placement placed =
          placement.place(new PlacementRequest("tenant-1", "seg-1", "eu-central-1", 4, 2, 1024));
      assertEquals(6, placed.shards().size());
      assertEquals(6, placed.nodeIds().stream().distinct().count());

      clock.advance(Duration.ofSeconds(7));
      placement.checkLiveness();
      assertEquals(6, placement.nodesInState(NodeState.SUSPECT).size());
    }
  }
}
