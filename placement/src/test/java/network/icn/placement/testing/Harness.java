package network.icn.placement.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import network.icn.placement.booking.BookingLedger;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.registry.RegistryConfig;
import network.icn.placement.service.InProcessPlacementService;
import network.icn.placement.service.SnapshotCache;
import network.icn.placement.store.PlacementStore;

/** The in-process service wired like {@code PlacementMain}, over a given store and a test clock. */
public final class Harness {
  public static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  public static final long UNIT_BYTES = 1L << 30;

  public final MutableClock clock = new MutableClock(START);
  public final PlacementMetrics metrics = new PlacementMetrics(new PrometheusRegistry());
  public final NodeRegistry registry;
  public final BookingLedger ledger;
  public final InProcessPlacementService service;

  public Harness(PlacementStore store) {
    registry = new NodeRegistry(store, RegistryConfig.DEFAULT, clock, metrics);
    ledger = new BookingLedger(store, UNIT_BYTES, clock, new SplittableRandom(7));
    service =
        new InProcessPlacementService(
            registry,
            ledger,
            new PlacementPolicy(42),
            new SnapshotCache(registry, 42, clock, Duration.ZERO),
            metrics);
  }

  public TestNode node(int index, int hp, String site) {
    return new TestNode(index, hp, "eu-central-1", site, clock);
  }
}
