package network.icn.placement;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.icn.placement.booking.BookingLedger;
import network.icn.placement.http.PlacementHttpServer;
import network.icn.placement.metrics.PlacementMetrics;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.registry.NodeRegistry;
import network.icn.placement.service.InProcessPlacementService;
import network.icn.placement.service.SnapshotCache;
import network.icn.placement.store.RocksDbPlacementStore;

/** Runs placement standalone: parses the config, wires every part by hand and serves HTTP. */
public final class PlacementMain {
  private static final Logger LOG = System.getLogger(PlacementMain.class.getName());

  private PlacementMain() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    if (PlacementConfig.wantsHelp(arguments)) {
      System.out.print(PlacementConfig.help());
      return;
    }
    PlacementConfig config;
    try {
      config = PlacementConfig.parse(arguments, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("placement: " + e.getMessage());
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    var store = RocksDbPlacementStore.open(config.dataDir());
    var metrics = new PlacementMetrics(new PrometheusRegistry());
    var registry = new NodeRegistry(store, config.registry(), clock, metrics);
    var ledger =
        new BookingLedger(
            store, config.unitBytes(), clock, new SplittableRandom(System.nanoTime()));
    var service =
        new InProcessPlacementService(
            registry,
            ledger,
            new PlacementPolicy(config.seed()),
            new SnapshotCache(registry, config.seed(), clock, config.snapshotRefresh()),
            metrics);
    var server =
        PlacementHttpServer.start(
            config.host(), config.port(), service, service, metrics, config.apiToken());
    ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor();
    long every = config.livenessCheckInterval().toMillis();
    chores.scheduleAtFixedRate(
        () -> {
          try {
            registry.checkLiveness();
          } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "liveness check failed", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    if (config.apiToken().isEmpty() && !InetAddress.getByName(config.host()).isLoopbackAddress()) {
      LOG.log(
          Level.WARNING,
          "listening on {0} without --api-token: anyone can book and place",
          config.host());
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  chores.shutdownNow();
                  server.close();
                  store.close();
                }));
    LOG.log(
        Level.INFO,
        "placement listening on {0}:{1,number,#}, data in {2}",
        config.host(),
        server.port(),
        config.dataDir());
  }
}
