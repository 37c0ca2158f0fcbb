package network.icn.agent.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import network.icn.placement.booking.BookingLedger;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.registry.RegistryConfig;
import network.icn.placement.service.InProcessPlacementService;
import network.icn.placement.service.SnapshotCache;
import network.icn.placement.store.InMemoryPlacementStore;

/** The real placement service, in memory, wired as {@code PlacementMain} wires it. */
public final class InProcessPlacement {
  private InProcessPlacement() {}

  public static InProcessPlacementService start(Clock clock) {
    InMemoryPlacementStore store = new InMemoryPlacementStore();
    PlacementMetrics metrics = new PlacementMetrics(new PrometheusRegistry());
    NodeRegistry registry = new NodeRegistry(store, RegistryConfig.DEFAULT, clock, metrics);
    return new InProcessPlacementService(
        registry,
        new BookingLedger(store, 1L << 30, clock, new SplittableRandom(7)),
        new PlacementPolicy(42),
        new SnapshotCache(registry, 42, clock, Duration.ZERO),
        metrics);
  }
}
