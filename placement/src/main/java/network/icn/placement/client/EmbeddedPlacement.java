package network.icn.placement.client;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Utilisation;
import network.icn.placement.booking.BookingLedger;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.registry.RegistryConfig;
import network.icn.placement.service.InProcessPlacementService;
import network.icn.placement.service.SnapshotCache;
import network.icn.placement.store.InMemoryPlacementStore;
import network.icn.placement.store.PlacementStore;
import network.icn.placement.store.RocksDbPlacementStore;

/**
 * Placement running in the caller's process (the gateway's embedded default, and test clusters),
 * wired like {@code PlacementMain} but without the HTTP server. Other modules use this factory
 * instead of importing placement's internals. Liveness is evaluated when {@link #checkLiveness()}
 * is called (the embedding process schedules it).
 */
public final class EmbeddedPlacement implements PlacementService, PlacementAdmin, AutoCloseable {
  /**
   * Settings of an embedded placement.
   *
   * @param seed the placement seed (deterministic choices for a given seed and segment id)
   * @param unitBytes bytes in one booking unit
   * @param heartbeatInterval heartbeat interval nodes are expected to keep
   * @param snapshotRefresh max age of heartbeat telemetry in placement snapshots
   */
  public record Settings(
      long seed, long unitBytes, Duration heartbeatInterval, Duration snapshotRefresh) {
    public Settings {
      if (unitBytes <= 0) {
        throw new IllegalArgumentException("unit bytes must be > 0");
      }
      Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
      Objects.requireNonNull(snapshotRefresh, "snapshotRefresh");
    }

    /** Seed 1, 1 TiB units, 10 s heartbeats, 1 s snapshot refresh (the standalone defaults). */
    public static Settings defaults() {
      return new Settings(1, 1L << 40, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }
  }

  private final PlacementStore store;
  private final NodeRegistry registry;
  private final InProcessPlacementService service;
  private final PrometheusRegistry metricsRegistry;

  private EmbeddedPlacement(PlacementStore store, Settings settings, Clock clock) {
    this.store = store;
    this.metricsRegistry = new PrometheusRegistry();
    PlacementMetrics metrics = new PlacementMetrics(metricsRegistry);
    RegistryConfig defaults = RegistryConfig.DEFAULT;
    Duration suspectAfter = settings.heartbeatInterval().multipliedBy(3);
    RegistryConfig config =
        new RegistryConfig(
            settings.heartbeatInterval(),
            3,
            defaults.downAfter().compareTo(suspectAfter) > 0
                ? defaults.downAfter()
                : suspectAfter.multipliedBy(2),
            defaults.maxClockSkew());
    this.registry = new NodeRegistry(store, config, clock, metrics);
    BookingLedger ledger =
        new BookingLedger(
            store, settings.unitBytes(), clock, new SplittableRandom(settings.seed()));
    this.service =
        new InProcessPlacementService(
            registry,
            ledger,
            new PlacementPolicy(settings.seed()),
            new SnapshotCache(registry, settings.seed(), clock, settings.snapshotRefresh()),
            metrics);
  }

  /** Placement over an in-memory registry (forgotten on close): tests and benchmarks. */
  public static EmbeddedPlacement inMemory(Settings settings, Clock clock) {
    return new EmbeddedPlacement(new InMemoryPlacementStore(), settings, clock);
  }

  /** Placement over a RocksDB registry in {@code dataDir}. */
  public static EmbeddedPlacement open(Path dataDir, Settings settings, Clock clock) {
    return new EmbeddedPlacement(RocksDbPlacementStore.open(dataDir), settings, clock);
  }

  /**
   * Evaluates liveness now (ACTIVE → SUSPECT → DOWN for silent nodes); schedule it periodically.
   */
  public void checkLiveness() {
    registry.checkLiveness();
  }

  /** The registry the placement metrics are registered in. */
  public PrometheusRegistry metricsRegistry() {
    return metricsRegistry;
  }

  @Override
  public NodeView register(SignedRegistration registration) {
    return service.register(registration);
  }

  @Override
  public NodeView heartbeat(SignedHeartbeat heartbeat) {
    return service.heartbeat(heartbeat);
  }

  @Override
  public List<NodeView> nodes() {
    return service.nodes();
  }

  @Override
  public Optional<NodeView> node(String nodeId) {
    return service.node(nodeId);
  }

  @Override
  public Placement place(PlacementRequest request) {
    return service.place(request);
  }

  @Override
  public Placement replacement(ReplacementRequest request) {
    return service.replacement(request);
  }

  @Override
  public Booking book(BookingRequest request) {
    return service.book(request);
  }

  @Override
  public List<Booking> bookings(String tenantId) {
    return service.bookings(tenantId);
  }

  @Override
  public Utilisation utilisation(String region) {
    return service.utilisation(region);
  }

  @Override
  public NodeView changeState(String nodeId, NodeState state) {
    return service.changeState(nodeId, state);
  }

  @Override
  public List<NodeView> nodesInState(NodeState state) {
    return service.nodesInState(state);
  }

  @Override
  public void close() {
    store.close();
  }
}
