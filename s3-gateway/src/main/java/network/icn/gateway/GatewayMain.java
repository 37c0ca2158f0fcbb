package network.icn.gateway;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import network.icn.agent.AgentConfig;
import network.icn.agent.RunningAgent;
import network.icn.agent.client.Signatures;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.agent.identity.NodeKey;
import network.icn.gateway.http.GatewayHttpServer;
import network.icn.gateway.metadata.AccessKeyring;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.RocksMetadataStore;
import network.icn.gateway.metadata.SecretSealer;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.TenantStatus;
import network.icn.gateway.object.ErasureMultipartStore;
import network.icn.gateway.object.ErasureObjectStore;
import network.icn.gateway.object.MultipartConfig;
import network.icn.gateway.object.ObjectConfig;
import network.icn.gateway.object.ObjectStats;
import network.icn.gateway.object.WriterContext;
import network.icn.gateway.s3.Addressing;
import network.icn.gateway.s3.S3Frontend;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.shard.ShardDeleter;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementService;
import network.icn.placement.client.EmbeddedPlacement;
import network.icn.placement.client.PlacementClient;
import org.web3j.crypto.ECKeyPair;

/**
 * The gateway process, wired by hand: placement (embedded or a client), RocksDB metadata, the agent
 * client, the object layer, the shard deleter, metrics and the S3 HTTP server. {@code --dev} also
 * starts local agents in-process and a dev tenant with a booking and an access key.
 */
public final class GatewayMain {
  private static final Logger LOG = System.getLogger(GatewayMain.class.getName());

  private GatewayMain() {}

  public static void main(String[] args) throws Exception {
    GatewayConfig config = GatewayConfig.parse(args, System.getenv());
    Running gateway = start(config, Clock.systemUTC(), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** A started gateway; {@link #close()} stops everything it started, in reverse order. */
  public static final class Running implements AutoCloseable {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private GatewayHttpServer server;

    public int port() {
      return server.address().getPort();
    }

    @Override
    public void close() {
      for (AutoCloseable c : closeables.reversed()) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "error while stopping " + c, e);
        }
      }
      closeables.clear();
    }
  }

  /** Starts the gateway and prints {@code ready: http://host:port} once it accepts requests. */
  public static Running start(GatewayConfig config, Clock clock, PrintStream out)
      throws IOException, InterruptedException {
    Running running = new Running();
    try {
      Files.createDirectories(config.dataDir());
      SecureRandom random = new SecureRandom();
      PrometheusRegistry registry = new PrometheusRegistry();
      List<PrometheusRegistry> registries = new ArrayList<>(List.of(registry));
      PlacementService placement;
      if (config.placementUrl().isPresent()) {
        PlacementClient client =
            new PlacementClient(
                config.placementUrl().get(), Optional.empty(), Duration.ofSeconds(5));
        running.closeables.add(client);
        placement = client;
      } else {
        EmbeddedPlacement embedded =
            EmbeddedPlacement.open(
                config.dataDir().resolve("placement"),
                new EmbeddedPlacement.Settings(
                    random.nextLong(), 1L << 30, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                clock);
        running.closeables.add(embedded);
        registries.add(embedded.metricsRegistry());
        placement = embedded;
      }
      ECKeyPair gatewayKey =
          NodeKey.loadOrCreate(config.dataDir().resolve("gateway.key"), random).keyPair();
      if (config.dev()) {
        startDevAgents(config, clock, placement, gatewayKey, running);
      }
      MetadataStore metadata = RocksMetadataStore.open(config.dataDir().resolve("metadata"), clock);
      running.closeables.add(metadata);
      NettyAgentClient agents =
          new NettyAgentClient(gatewayKey, clock, NettyAgentClient.Settings.defaults());
      running.closeables.add(agents);
      NodeDirectory nodes = new NodeDirectory(placement);
      ErasureObjectStore store =
          new ErasureObjectStore(
              new WriterContext(
                  placement,
                  agents,
                  nodes,
                  metadata,
                  ObjectConfig.defaults(),
                  clock,
                  new SplittableRandom(random.nextLong()),
                  new ObjectStats()));
      ShardDeleter deleter =
          new ShardDeleter(metadata, agents, nodes, clock, ShardDeleter.Settings.defaults());
      Thread deletions = Thread.ofVirtual().name("shard-deleter").start(() -> runDeleter(deleter));
      running.closeables.add(deletions::interrupt);
      String masterKey =
          config.masterKey().isPresent() ? config.masterKey().get() : devMasterKey(config, random);
      AccessKeyring keyring =
          new AccessKeyring(metadata, SecretSealer.fromConfig(masterKey, random), clock);
      if (config.dev()) {
        devTenant(config, clock, placement, metadata, keyring);
      }
      int width = config.scheme().data() + config.scheme().parity();
      S3Frontend frontend =
          new S3Frontend(
              new S3Frontend.Settings(
                  config.region(),
                  config.placementRegion(),
                  new Addressing(config.baseDomains()),
                  config.scheme(),
                  5L << 30),
              metadata,
              store,
              new ErasureMultipartStore(store, MultipartConfig.defaults()),
              keyring::credentials,
              clock,
              new AdminHandler(
                  registries,
                  () ->
                      placement.nodes().stream().filter(n -> n.state() == NodeState.ACTIVE).count()
                          >= width));
      running.server =
          GatewayHttpServer.start(
              frontend,
              new GatewayMetrics(registry),
              config.listenAddress(),
              new GatewayHttpServer.Settings(
                  config.maxHeaderBytes(), 16 * 1024, config.ioThreads(), config.idleTimeout()),
              clock,
              new SplittableRandom(random.nextLong()));
      running.closeables.add(running.server);
      out.println("ready: http://" + config.listenHost() + ":" + running.port());
      out.flush();
      return running;
    } catch (IOException | InterruptedException | RuntimeException e) {
      running.close();
      throw e;
    }
  }

  private static void runDeleter(ShardDeleter deleter) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (deleter.runOnce().total() == 0) {
          Thread.sleep(Duration.ofSeconds(5));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "shard deletion pass failed", e);
        try {
          Thread.sleep(Duration.ofSeconds(5));
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private static void startDevAgents(
      GatewayConfig config,
      Clock clock,
      PlacementService placement,
      ECKeyPair gatewayKey,
      Running running)
      throws IOException, InterruptedException {
    for (int i = 0; i < config.devAgents(); i++) {
      Path dir = config.dataDir().resolve("agent-" + i);
      Files.createDirectories(dir);
      AgentConfig agentConfig =
          AgentConfig.parse(
              new String[] {
                "--listen=127.0.0.1:0",
                "--data-dir=" + dir,
                "--capacity=4G",
                "--region=" + config.placementRegion(),
                "--site=dev-site-" + i,
                "--io-threads=1",
                "--shutdown-grace=1s",
                "--allowed-gateways=" + Signatures.address(gatewayKey)
              },
              Map.of());
      RunningAgent agent = RunningAgent.start(agentConfig, clock, Optional.of(placement));
      running.closeables.add(agent);
    }
    for (int attempt = 0; attempt < 500; attempt++) {
      long active = placement.nodes().stream().filter(n -> n.state() == NodeState.ACTIVE).count();
      if (active >= config.devAgents()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("dev agents did not register within 10 s");
  }

  private static void devTenant(
      GatewayConfig config,
      Clock clock,
      PlacementService placement,
      MetadataStore metadata,
      AccessKeyring keyring) {
    Instant now = clock.instant();
    if (metadata.getTenant("dev").isEmpty()) {
      metadata.createTenant(new TenantRecord("dev", "Dev tenant", now, TenantStatus.ACTIVE));
      placement.book(
          new BookingRequest(
              "dev",
              config.placementRegion(),
              1_000_000,
              now.minusSeconds(60),
              now.plus(Duration.ofDays(3650))));
    }
    if (metadata.getAccessKey(config.accessKey()).isEmpty()) {
      keyring.issue("dev", config.accessKey(), config.secretKey());
    }
  }

  /** Dev mode only: a master key generated once and kept in the data dir. */
  private static String devMasterKey(GatewayConfig config, SecureRandom random) throws IOException {
    Path file = config.dataDir().resolve("master.key");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    String hex = HexFormat.of().formatHex(key);
    Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
    return hex;
  }
}
