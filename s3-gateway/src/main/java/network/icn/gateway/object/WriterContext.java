package network.icn.gateway.object;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import network.icn.agent.client.AgentClient;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.placement.api.PlacementService;

/**
 * What every writer and reader shares: the collaborators, the config and a codec cache.
 * Thread-safe; one per gateway.
 */
public final class WriterContext {
  private final PlacementService placement;
  private final AgentClient client;
  private final NodeDirectory nodes;
  private final MetadataStore metadata;
  private final ObjectConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final ObjectStats stats;
  private final java.util.concurrent.ConcurrentHashMap<Long, ReedSolomon> codecs =
      new java.util.concurrent.ConcurrentHashMap<>();

  public WriterContext(
      PlacementService placement,
      AgentClient client,
      NodeDirectory nodes,
      MetadataStore metadata,
      ObjectConfig config,
      Clock clock,
      RandomGenerator random,
      ObjectStats stats) {
    this.placement = Objects.requireNonNull(placement, "placement");
    this.client = Objects.requireNonNull(client, "client");
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  PlacementService placement() {
    return placement;
  }

  AgentClient client() {
    return client;
  }

  NodeDirectory nodes() {
    return nodes;
  }

  MetadataStore metadata() {
    return metadata;
  }

  public ObjectConfig config() {
    return config;
  }

  Clock clock() {
    return clock;
  }

  public ObjectStats stats() {
    return stats;
  }

  /** One shared, thread-safe codec per (k, m). */
  ReedSolomon codec(ErasureScheme scheme) {
    return codecs.computeIfAbsent(
        ((long) scheme.data() << 32) | scheme.parity(),
        ignored -> ReedSolomon.create(scheme.data(), scheme.parity()));
  }

  /** A fresh segment id: 128 random bits as 32 hex digits. */
  String newSegmentId() {
    byte[] bytes = new byte[16];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return HexFormat.of().formatHex(bytes);
  }
}
