package network.icn.gateway;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.agent.identity.NodeKey;
import network.icn.gateway.admin.AdminApi;
import network.icn.gateway.admin.AdminCli;
import network.icn.gateway.admin.AdminRouter;
import network.icn.gateway.http.GatewayHttpServer;
import network.icn.gateway.metadata.AccessKeyring;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.RocksMetadataStore;
import network.icn.gateway.metadata.SecretSealer;
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
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementService;
import network.icn.placement.client.EmbeddedPlacement;
import network.icn.placement.client.PlacementClient;
import org.web3j.crypto.ECKeyPair;

/**
 * The gateway process, wired by hand: placement (embedded or a client), RocksDB metadata, the agent
 * client, the object layer, the shard deleter, metrics, the admin API and the S3 HTTP server. The
 * {@code dev} command also starts local agents in-process and a dev tenant with a booking and an
 * access key ({@link DevMode}); {@code admin} is the admin CLI ({@link AdminCli}).
 */
public final class GatewayMain {
  private static final Logger LOG = System.getLogger(GatewayMain.class.getName());

  private static final String USAGE =
      """
      usage: icn-gateway dev [--port 9000] --data-dir DIR [--access-key K --secret-key S] [flags]
             icn-gateway serve --data-dir DIR --master-key HEX [flags]
             icn-gateway admin --url URL --token TOKEN COMMAND [ARGS]   (icn-gateway admin help)
      flags (each also ICN_GATEWAY_<FLAG>): --listen-host --port --data-dir --region
        --placement-region --base-domains --scheme --master-key --placement-url
        --max-header-bytes --io-threads --idle-timeout-seconds --dev-agents --access-key
        --secret-key --admin-token --shutdown-grace-seconds --access-log
      """;

  private GatewayMain() {}

  /**
   * {@code dev ...} (a local cluster: gateway, embedded placement, agents), {@code serve ...} (the
   * gateway alone), {@code admin ...} (the admin CLI). Bare flags mean {@code serve}, and {@code
   * --dev} among them means {@code dev}.
   */
  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "admin" -> System.exit(AdminCli.run(rest, System.out, System.err));
      case "dev" -> serve(withDev(rest));
      case "serve" -> serve(rest);
      case "help", "-h", "--help" -> System.out.print(USAGE);
      default -> {
        if (command.startsWith("--")) {
          serve(args);
        } else {
          System.err.print("unknown command: " + command + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
  }

  private static String[] withDev(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "--dev";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  /**
   * Runs until SIGTERM/SIGINT, then shuts down gracefully (stop accepting, drain in-flight requests
   * up to the grace period, close agents and RocksDB) and exits 0; 1 if the shutdown failed.
   */
  private static void serve(String[] args) throws InterruptedException {
    GatewayConfig config;
    Running gateway;
    try {
      config = GatewayConfig.parse(args, System.getenv());
      gateway = start(config, Clock.systemUTC(), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("icn-gateway: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("icn-gateway: could not start: " + e);
      LOG.log(Level.ERROR, "start failed", e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("shutting down");
                  boolean clean = gateway.shutdown();
                  System.out.println(clean ? "stopped" : "stopped (requests cut at the deadline)");
                  System.out.flush();
                  stopped.countDown();
                  // A signal makes the JVM exit 128+signal; a clean shutdown is a success.
                  Runtime.getRuntime().halt(clean ? 0 : 1);
                },
                "gateway-shutdown"));
    stopped.await();
  }

  /** A started gateway; {@link #close()} stops everything it started, in reverse order. */
  public static final class Running implements AutoCloseable {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private GatewayHttpServer server;
    private Duration grace = Duration.ZERO;
    private String adminToken;
    private DevMode.DevCredentials devCredentials;

    public int port() {
      return server.address().getPort();
    }

    /** The admin API's bearer token, if the admin API is on. */
    public Optional<String> adminToken() {
      return Optional.ofNullable(adminToken);
    }

    /** Dev mode: the dev tenant's access key id. */
    public Optional<String> devAccessKey() {
      return Optional.ofNullable(devCredentials).map(DevMode.DevCredentials::accessKey);
    }

    /** Dev mode: the dev tenant's secret. */
    public Optional<String> devSecretKey() {
      return Optional.ofNullable(devCredentials).map(DevMode.DevCredentials::secretKey);
    }

    /**
     * Graceful stop: the server stops accepting and drains requests in flight for up to the
     * configured grace, then everything else closes in reverse start order.
     *
     * @return true when nothing was cut and everything closed without error
     */
    public boolean shutdown() {
      boolean clean = server == null || server.shutdown(grace);
      for (AutoCloseable c : closeables.reversed()) {
        try {
          c.close();
        } catch (Exception e) {
          clean = false;
          LOG.log(Level.WARNING, "error while stopping " + c, e);
        }
      }
      closeables.clear();
      return clean;
    }

    @Override
    public void close() {
      shutdown();
    }
  }

  /**
   * Starts the gateway. In dev mode it prints the endpoint, region, keys and admin token; the last
   * line is {@code ready: http://host:port}, printed once it accepts requests.
   */
  public static Running start(GatewayConfig config, Clock clock, PrintStream out)
      throws IOException, InterruptedException {
    Running running = new Running();
    running.grace = config.shutdownGrace();
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
        DevMode.startAgents(config, clock, placement, gatewayKey, running.closeables);
      }
      MetadataStore metadata = RocksMetadataStore.open(config.dataDir().resolve("metadata"), clock);
      running.closeables.add(metadata);
      NettyAgentClient agents =
          new NettyAgentClient(gatewayKey, clock, NettyAgentClient.Settings.defaults());
      running.closeables.add(agents);
      NodeDirectory nodes = new NodeDirectory(placement);
      ObjectStats objectStats = new ObjectStats();
      ObjectLayerMetrics.register(registry, objectStats);
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
                  objectStats));
      ShardDeleter deleter =
          new ShardDeleter(metadata, agents, nodes, clock, ShardDeleter.Settings.defaults());
      Thread deletions = Thread.ofVirtual().name("shard-deleter").start(() -> runDeleter(deleter));
      running.closeables.add(
          () -> {
            deletions.interrupt();
            deletions.join(Duration.ofSeconds(10));
          });
      String masterKey =
          config.masterKey().isPresent()
              ? config.masterKey().get()
              : DevMode.masterKey(config, random);
      AccessKeyring keyring =
          new AccessKeyring(metadata, SecretSealer.fromConfig(masterKey, random), clock);
      if (config.dev()) {
        running.devCredentials = DevMode.credentials(config, random);
        DevMode.tenant(config, clock, placement, metadata, keyring, running.devCredentials);
        running.adminToken = DevMode.adminToken(config, random);
      } else {
        running.adminToken = config.adminToken().orElse(null);
      }
      int width = config.scheme().data() + config.scheme().parity();
      S3Frontend frontend =
          new S3Frontend(
              new S3Frontend.Settings(
                  config.region(),
                  config.placementRegion(),
                  new Addressing(config.baseDomains()),
                  config.scheme(),
                  S3Frontend.MAX_PUT_BYTES),
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
      AdminApi adminApi =
          new AdminApi(
              Optional.ofNullable(running.adminToken),
              metadata,
              keyring,
              placement,
              config.placementRegion(),
              clock,
              random);
      running.server =
          GatewayHttpServer.start(
              new AdminRouter(adminApi, frontend),
              new GatewayMetrics(registry, config.accessLog()),
              config.listenAddress(),
              new GatewayHttpServer.Settings(
                  config.maxHeaderBytes(), 16 * 1024, config.ioThreads(), config.idleTimeout()),
              clock,
              new SplittableRandom(random.nextLong()));
      String endpoint = "http://" + config.listenHost() + ":" + running.port();
      if (config.dev()) {
        printDevBanner(out, config, endpoint, running);
      }
      out.println("ready: " + endpoint);
      out.flush();
      return running;
    } catch (IOException | InterruptedException | RuntimeException e) {
      running.close();
      throw e;
    }
  }

  private static void printDevBanner(
      PrintStream out, GatewayConfig config, String endpoint, Running running) {
    String key = running.devAccessKey().orElseThrow();
    String secret = running.devSecretKey().orElseThrow();
    out.println("ICN gateway (dev): " + config.devAgents() + " local agents, " + config.scheme());
    out.println("data dir:    " + config.dataDir().toAbsolutePath());
    out.println("endpoint:    " + endpoint);
    out.println("region:      " + config.region());
    out.println("access key:  " + key);
    out.println("secret key:  " + secret);
    out.println("admin token: " + running.adminToken);
    out.println(
        "try:         export AWS_ACCESS_KEY_ID="
            + key
            + " AWS_SECRET_ACCESS_KEY="
            + secret
            + " AWS_DEFAULT_REGION="
            + config.region());
    out.println("             aws --endpoint-url " + endpoint + " s3 mb s3://demo");
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
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.log(Level.WARNING, "shard deletion pass failed", e);
        try {
          Thread.sleep(Duration.ofSeconds(5));
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }
}
