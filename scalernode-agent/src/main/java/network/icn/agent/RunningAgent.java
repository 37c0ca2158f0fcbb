package network.icn.agent;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.icn.agent.auth.GatewayAllowList;
import network.icn.agent.auth.ReplayCache;
import network.icn.agent.auth.RequestAuthenticator;
import network.icn.agent.challenge.ChallengeResponder;
import network.icn.agent.client.AgentException;
import network.icn.agent.http.NodeHandler;
import network.icn.agent.http.ShardApi;
import network.icn.agent.http.ShardHttpServer;
import network.icn.agent.http.ShardReadHandler;
import network.icn.agent.http.ShardWriteHandler;
import network.icn.agent.identity.NodeKey;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.merkle.ShardMerkle;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.registration.PlacementRegistrar;
import network.icn.agent.registration.RegistrationLoop;
import network.icn.agent.scrub.Quarantine;
import network.icn.agent.scrub.ScrubRateLimiter;
import network.icn.agent.scrub.Scrubber;
import network.icn.agent.store.CapacitySplit;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.FileShardStore;
import network.icn.agent.store.MultiDirShardStore;
import network.icn.placement.api.PlacementService;
import network.icn.placement.client.PlacementClient;

/**
 * A started agent: everything wired by hand, in dependency order. {@link #close()} shuts down in
 * reverse: stop accepting, drain requests, stop background tasks, flush the store.
 */
public final class RunningAgent implements AutoCloseable {
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = System.getLogger(RunningAgent.class.getName());

  private final AgentConfig config;
  private final NodeKey key;
  private final MultiDirShardStore store;
  private final AgentMetrics metrics;
  private final ShardHttpServer server;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
  private final Optional<RegistrationLoop> registration;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

  private RunningAgent(AgentConfig config, Clock clock, Optional<PlacementService> placement)
      throws IOException {
    this.config = config;
    SecureRandom secure = new SecureRandom();
    this.key = NodeKey.loadOrCreate(config.keyFile(), secure);
    ShardMerkle merkle = new ErasureShardMerkle();
    List<Path> roots = config.dataDirs().stream().map(AgentConfig.DataDir::path).toList();
    List<Long> fileSystems = new ArrayList<>();
    for (AgentConfig.DataDir dir : config.dataDirs()) {
      fileSystems.add(dir.capacityBytes().isPresent() ? 0L : fileSystemSize(dir.path()));
    }
    List<Long> capacities =
        CapacitySplit.split(
            config.capacityBytes(),
            config.dataDirs().stream().map(AgentConfig.DataDir::capacityBytes).toList(),
            fileSystems);
    this.store =
        MultiDirShardStore.open(
            roots,
            capacities,
            config.verifyMerkle() ? merkle : null,
            clock,
            new SplittableRandom(secure.nextLong()),
            FileShardStore::usableSpace,
            this::dataDirFailed);
    PrometheusRegistry registry = new PrometheusRegistry();
    this.metrics = new AgentMetrics(registry, store::usage);

    CorruptionListener corruption = new Quarantine(store, metrics);
    RequestAuthenticator auth =
        new RequestAuthenticator(
            key.nodeId(),
            new GatewayAllowList(config.allowedGateways()),
            new ReplayCache(config.replayCacheSize()),
            clock,
            config.maxClockSkew());
    ShardApi api =
        new ShardApi(
            requests,
            auth,
            metrics,
            new ShardWriteHandler(store, key.keyPair(), metrics),
            new ShardReadHandler(store, metrics, corruption),
            new NodeHandler(
                store,
                new ChallengeResponder(store, merkle, key.keyPair(), 64, corruption),
                registry,
                key.nodeId()),
            new SplittableRandom(secure.nextLong()));
    this.server =
        ShardHttpServer.start(
            api,
            config.listen(),
            config.ioThreads(),
            config.maxHeaderBytes(),
            config.idleTimeout());
    if (config.scrubBytesPerSecond() > 0) {
      Scrubber scrubber =
          new Scrubber(
              store, metrics, corruption, ScrubRateLimiter.system(config.scrubBytesPerSecond()));
      background.execute(() -> scrubForever(scrubber));
    }
    Optional<PlacementService> service =
        placement.or(
            () ->
                config
                    .placementUrl()
                    .map(
                        url ->
                            new PlacementClient(
                                URI.create(url), Optional.empty(), Duration.ofSeconds(10))));
    this.registration =
        service.map(
            s -> {
              RegistrationLoop loop =
                  new RegistrationLoop(
                      new PlacementRegistrar(
                          s,
                          key.keyPair(),
                          new PlacementRegistrar.Identity(
                              key.nodeId(),
                              config.hpId().orElse(key.nodeId()),
                              config.region(),
                              config.site(),
                              config.hardwareClass(),
                              endpointFor(config, server.address()),
                              VERSION),
                          store::usage,
                          () -> PlacementRegistrar.Telemetry.of(metrics),
                          clock),
                      this::schedule,
                      config.heartbeatInterval(),
                      RegistrationLoop.defaultBackoff(config.heartbeatInterval()),
                      new SplittableRandom(secure.nextLong()));
              loop.start();
              return loop;
            });
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the loop is closed too.
    }
  }

  /** Starts an agent; {@code placement} overrides the configured placement URL (tests). */
  public static RunningAgent start(
      AgentConfig config, Clock clock, Optional<PlacementService> placement) throws IOException {
    return new RunningAgent(config, clock, placement);
  }

  private static String endpointFor(AgentConfig config, InetSocketAddress bound) {
    if (config.listen().getPort() == 0 && config.endpoint().endsWith(":0")) {
      return config.endpoint().substring(0, config.endpoint().length() - 1) + bound.getPort();
    }
    return config.endpoint();
  }

  /** A data dir failed but the put went on in another one, so no caller counts this error. */
  private void dataDirFailed(Path dir, AgentException cause) {
    metrics.diskError();
    LOG.log(
        Level.ERROR, "data dir " + dir + " failed and takes no new shards: " + cause.getMessage());
  }

  /** The size of the file system {@code dir} is on (created first, so it can be asked). */
  private static long fileSystemSize(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.getFileStore(dir).getTotalSpace();
  }

  private void scrubForever(Scrubber scrubber) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        scrubber.runPass();
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "scrubber stopped", e);
    }
  }

  public String nodeId() {
    return key.nodeId();
  }

  public boolean keyCreated() {
    return key.created();
  }

  public InetSocketAddress address() {
    return server.address();
  }

  public MultiDirShardStore store() {
    return store;
  }

  public long registrationSuccesses() {
    return registration.map(RegistrationLoop::successes).orElse(0L);
  }

  /** The registration loop, present when a placement service is configured. */
  public Optional<RegistrationLoop> registration() {
    return registration;
  }

  /** The agent's metrics (what {@code /metrics} exports and heartbeats report). */
  public AgentMetrics metrics() {
    return metrics;
  }

  /** Graceful stop; returns true if no request was cut off. */
  public boolean stop() {
    boolean clean = server.stop(config.shutdownGrace());
    registration.ifPresent(RegistrationLoop::close);
    scheduler.shutdownNow();
    background.shutdownNow();
    requests.shutdownNow();
    try {
      background.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
    return clean;
  }

  @Override
  public void close() {
    stop();
  }
}
