package network.icn.gateway.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import network.icn.agent.AgentConfig;
import network.icn.agent.RunningAgent;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.Signatures;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.erasure.ErasureScheme;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.RocksMetadataStore;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.TenantStatus;
import network.icn.gateway.object.ErasureMultipartStore;
import network.icn.gateway.object.ErasureObjectStore;
import network.icn.gateway.object.MultipartConfig;
import network.icn.gateway.object.ObjectConfig;
import network.icn.gateway.object.ObjectStats;
import network.icn.gateway.object.WriterContext;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.shard.ShardDeleter;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.client.EmbeddedPlacement;
import org.web3j.crypto.ECKeyPair;

/**
 * An in-process cluster: embedded placement, N real agents (Netty servers on 127.0.0.1, port 0, one
 * data dir each, registered with placement by their own signed registration), a RocksDB metadata
 * store and the object layer, with a booked test tenant and fault hooks per agent.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(tempDir, LocalCluster.Options.small())) {
 *   cluster.createBucket("b");
 *   cluster.store().put(PutObjectRequest.of("b", "k", n), body);
 *   cluster.agent(2).stop();
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
  public static final String TENANT = "tenant-1";
  public static final String REGION = "local";

  /** The gateway's identity key, allowed by every agent. */
  public static final ECKeyPair GATEWAY_KEY = ECKeyPair.create(BigInteger.valueOf(0x6A7E3A7L));

  /**
   * Cluster settings.
   *
   * @param agents number of agents
   * @param scheme the buckets' erasure scheme
   * @param config the object layer's config
   * @param agentCapacity capacity each agent offers (agent flag syntax, e.g. {@code 1G})
   * @param heartbeat if present, agents heartbeat at this interval and placement expects it, so
   *     once a test calls {@code placement().checkLiveness()} an agent silent for three intervals
   *     turns SUSPECT (it gets no new shards; a heartbeat makes it ACTIVE again); if empty (the
   *     default), agents heartbeat every 10 s against a 30 s expectation. Liveness is evaluated
   *     only when a test asks for it, so placement's view changes exactly when the test says.
   */
  public record Options(
      int agents,
      ErasureScheme scheme,
      ObjectConfig config,
      String agentCapacity,
      Optional<Duration> heartbeat) {
    public Options {
      if (agents < 1) {
        throw new IllegalArgumentException("a cluster needs at least one agent");
      }
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(agentCapacity, "agentCapacity");
      Objects.requireNonNull(heartbeat, "heartbeat");
      if (heartbeat.isPresent() && heartbeat.get().toMillis() < 100) {
        throw new IllegalArgumentException("heartbeat interval must be >= 100 ms");
      }
    }

    /** With the default heartbeats. */
    public Options(int agents, ErasureScheme scheme, ObjectConfig config, String agentCapacity) {
      this(agents, scheme, config, agentCapacity, Optional.empty());
    }

    /** 6 agents, 4+2 with 64 KiB chunks, 1 MiB segments, short timeouts. */
    public static Options small() {
      return new Options(
          6,
          new ErasureScheme(4, 2, 64 * 1024),
          ObjectConfig.defaults()
              .withSegmentSize(1 << 20)
              .withTimeouts(
                  Duration.ofMillis(200),
                  Duration.ofSeconds(3),
                  Duration.ofSeconds(3),
                  Duration.ofSeconds(20)),
          "1G");
    }

    /** 6 agents, the default scheme (4+2, 256 KiB) and object config. */
    public static Options defaults() {
      return new Options(6, ErasureScheme.DEFAULT, ObjectConfig.defaults(), "2G");
    }

    /** These options with {@code count} agents. */
    public Options withAgents(int count) {
      return new Options(count, scheme, config, agentCapacity, heartbeat);
    }

    /** These options with agents heartbeating every {@code interval}, as placement expects. */
    public Options withHeartbeat(Duration interval) {
      return new Options(agents, scheme, config, agentCapacity, Optional.of(interval));
    }
  }

  private final Path root;
  private final Options options;
  private final Clock clock = Clock.systemUTC();
  private final EmbeddedPlacement placement;
  private final List<AgentHandle> agents = new ArrayList<>();
  private final FaultInjectingAgentClient client;
  private final MetadataStore metadata;
  private final NodeDirectory nodes;
  private final WriterContext context;
  private final ErasureObjectStore store;
  private final ShardDeleter deleter;

  private LocalCluster(Path root, Options options) throws Exception {
    this.root = root;
    this.options = options;
    this.placement =
        EmbeddedPlacement.inMemory(
            new EmbeddedPlacement.Settings(
                42, 1L << 30, options.heartbeat().orElse(Duration.ofSeconds(30)), Duration.ZERO),
            clock);
    for (int i = 0; i < options.agents(); i++) {
      AgentHandle agent = new AgentHandle(i, root.resolve("agent-" + i));
      agents.add(agent);
      agent.start();
    }
    awaitRegistrations();
    Instant now = clock.instant();
    placement.book(
        new BookingRequest(TENANT, REGION, 100_000, now.minusSeconds(60), now.plusSeconds(86_400)));
    this.client =
        new FaultInjectingAgentClient(
            new NettyAgentClient(
                GATEWAY_KEY,
                clock,
                new NettyAgentClient.Settings(
                    2, 32, Duration.ofSeconds(2), Duration.ofSeconds(20))));
    this.metadata = RocksMetadataStore.open(root.resolve("metadata"), clock, false);
    metadata.createTenant(new TenantRecord(TENANT, "Test tenant", now, TenantStatus.ACTIVE));
    this.nodes = new NodeDirectory(placement);
    this.context =
        new WriterContext(
            placement,
            client,
            nodes,
            metadata,
            options.config(),
            clock,
            new SplittableRandom(7),
            new ObjectStats());
    this.store = new ErasureObjectStore(context);
    this.deleter =
        new ShardDeleter(
            metadata,
            client,
            nodes,
            clock,
            new ShardDeleter.Settings(
                256, Duration.ofMinutes(10), Duration.ofHours(1), 30, Duration.ofSeconds(5)));
  }

  /** Starts a cluster under {@code root} (a test's temp dir). */
  public static LocalCluster start(Path root, Options options) throws Exception {
    LocalCluster cluster = null;
    try {
      cluster = new LocalCluster(root, options);
      return cluster;
    } catch (Exception | Error e) {
      if (cluster != null) {
        cluster.close();
      }
      throw e;
    }
  }

  private void awaitRegistrations() throws InterruptedException {
    for (int attempt = 0; attempt < 500; attempt++) {
      long active = placement.nodes().stream().filter(n -> n.state() == NodeState.ACTIVE).count();
      if (active >= options.agents()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("agents did not register with placement within 10 s");
  }

  public ErasureObjectStore store() {
    return store;
  }

  /** The object layer's shared context (writers in flight, config, stats). */
  public WriterContext context() {
    return context;
  }

  /** A multipart store over this cluster's object layer. */
  public ErasureMultipartStore multipart(MultipartConfig config) {
    return new ErasureMultipartStore(context, store, config);
  }

  public NodeDirectory nodes() {
    return nodes;
  }

  public MetadataStore metadata() {
    return metadata;
  }

  public EmbeddedPlacement placement() {
    return placement;
  }

  public ShardDeleter deleter() {
    return deleter;
  }

  public FaultInjectingAgentClient client() {
    return client;
  }

  public ObjectStats stats() {
    return store.stats();
  }

  public Options options() {
    return options;
  }

  public AgentHandle agent(int index) {
    return agents.get(index);
  }

  public List<AgentHandle> agents() {
    return List.copyOf(agents);
  }

  /** The agent whose node id is {@code nodeId}. */
  public AgentHandle agentOf(String nodeId) {
    return agents.stream()
        .filter(a -> a.nodeId().equalsIgnoreCase(nodeId))
        .findFirst()
        .orElseThrow();
  }

  /** Stops the given agents. */
  public void stopAgents(int... indexes) {
    for (int i : indexes) {
      agents.get(i).stop();
    }
  }

  /** Creates a bucket of the test tenant in the cluster's region with the cluster's scheme. */
  public void createBucket(String name) {
    metadata.createBucket(
        new BucketRecord(name, TENANT, REGION, clock.instant(), options.scheme()));
  }

  /** Every shard id stored on any running agent. */
  public List<String> allShardIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (AgentHandle agent : agents) {
      ids.addAll(agent.shardIds());
    }
    return ids;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    for (AgentHandle agent : agents) {
      agent.stop();
    }
    if (metadata != null) {
      metadata.close();
    }
    placement.close();
  }

  /** One agent: lifecycle and fault hooks. */
  public final class AgentHandle {
    private final int index;
    private final Path dataDir;
    private RunningAgent running;
    private int port;
    private String nodeId;

    AgentHandle(int index, Path dataDir) {
      this.index = index;
      this.dataDir = dataDir;
    }

    /** Starts (or restarts, on the same port and data dir) the agent. */
    public synchronized void start() throws IOException {
      startWithCapacity(options.agentCapacity());
    }

    private void startWithCapacity(String capacity) throws IOException {
      if (running != null) {
        return;
      }
      Files.createDirectories(dataDir);
      AgentConfig config =
          AgentConfig.parse(
              new String[] {
                "--listen=127.0.0.1:" + port,
                "--data-dir=" + dataDir,
                "--capacity=" + capacity,
                "--region=" + REGION,
                "--site=site-" + index,
                "--scrub-rate=0",
                "--shutdown-grace=1s",
                "--heartbeat-interval="
                    + options.heartbeat().map(d -> d.toMillis() + "ms").orElse("10s"),
                "--io-threads=1",
                "--allowed-gateways=" + Signatures.address(GATEWAY_KEY)
              },
              Map.of());
      running = RunningAgent.start(config, clock, Optional.of(placement));
      port = running.address().getPort();
      nodeId = running.nodeId();
    }

    /** Stops the agent (graceful, short grace); its data stays. */
    public synchronized void stop() {
      if (running != null) {
        running.stop();
        running = null;
      }
    }

    public synchronized boolean isRunning() {
      return running != null;
    }

    public String nodeId() {
      return nodeId;
    }

    public int index() {
      return index;
    }

    /** The agent's writes fail (injected at the gateway's client). */
    public void failWrites(boolean on) {
      client.faults(nodeId).failWrites = on;
    }

    /** The agent's reads fail (injected at the gateway's client). */
    public void failReads(boolean on) {
      client.faults(nodeId).failReads = on;
    }

    /** The agent never answers reads (a time-out for the reader). */
    public void hangReads(boolean on) {
      client.faults(nodeId).hangReads = on;
    }

    /** The first byte of every read from this agent arrives with one bit flipped (wire rot). */
    public void corruptReads(boolean on) {
      client.faults(nodeId).corruptReads = on;
    }

    /** The agent never answers writes. */
    public void hangWrites(boolean on) {
      client.faults(nodeId).hangWrites = on;
    }

    /**
     * Fills the agent's disk: restarts it offering exactly the capacity it already uses, so every
     * new shard is refused with 507.
     */
    public synchronized void fillDisk() throws IOException {
      long used = running.store().usage().usedBytes();
      stop();
      startWithCapacity(Long.toString(Math.max(1, used)));
    }

    /** Flips one bit of byte {@code offset} of a stored shard's data, on disk. */
    public synchronized void flipBit(String shardId, long offset) throws IOException {
      Path file = running.store().fileOf(new ShardId(shardId));
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(8);
        long headerLength = raf.readInt() & 0xffffffffL;
        raf.seek(headerLength + offset);
        int b = raf.read();
        raf.seek(headerLength + offset);
        raf.write(b ^ 0x01);
      }
    }

    /** The ids of the shards this (running) agent stores. */
    public synchronized List<String> shardIds() throws IOException {
      List<String> ids = new ArrayList<>();
      if (running == null) {
        return ids;
      }
      Optional<ShardId> after = Optional.empty();
      for (int page = 0; page < 10_000; page++) {
        var listing = running.store().list(after, 1000);
        listing.shards().forEach(s -> ids.add(s.id().value()));
        if (listing.next().isEmpty()) {
          break;
        }
        after = listing.next();
      }
      return ids;
    }

    public synchronized boolean hasShard(String shardId) {
      return running != null && running.store().stat(new ShardId(shardId)).isPresent();
    }
  }
}
