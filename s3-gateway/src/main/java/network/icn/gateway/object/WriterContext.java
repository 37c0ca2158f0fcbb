package network.icn.gateway.object;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;
import network.icn.agent.client.AgentClient;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.shard.DirectBufferPool;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.shard.SuspectNodes;
import network.icn.placement.api.PlacementService;

/**
 * What every writer and reader shares: the collaborators, the config and a codec cache.
 * Thread-safe; one per gateway.
 */
public final class WriterContext {
  /**
   * Idle read buffers kept for reuse: 64 MiB, about six concurrent whole-object GETs' worth at the
   * default scheme (a fetch holds up to its queue depth plus two chunks, the response up to 1 MiB).
   */
  static final long READ_BUFFERS_IDLE_BYTES = 64L << 20;

  private final PlacementService placement;
  private final AgentClient client;
  private final NodeDirectory nodes;
  private final MetadataStore metadata;
  private final ObjectConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final ObjectStats stats;
  private final InFlightSegments inFlight = new InFlightSegments();
  private final SuspectNodes suspects;
  private final DirectBufferPool readBuffers = new DirectBufferPool(READ_BUFFERS_IDLE_BYTES);
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
    this.suspects = new SuspectNodes(clock, SuspectNodes.DEFAULT_WINDOW);
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

  /** The segments being written by this process (the GC sweep keeps their shards). */
  public InFlightSegments inFlight() {
    return inFlight;
  }

  /** The direct buffers of the read path (chunks and decoded stripes), shared by all reads. */
  public DirectBufferPool readBuffers() {
    return readBuffers;
  }

  /** Nodes this process recently failed to reach; writers place new shards elsewhere. */
  public SuspectNodes suspects() {
    return suspects;
  }

  /** A fresh segment id (time-prefixed, see {@link SegmentIds}). */
  String newSegmentId() {
    return SegmentIds.create(clock.instant(), random);
  }

  /** A fresh multipart upload id (time-prefixed, so uploads list in initiation order). */
  String newUploadId() {
    return SegmentIds.create(clock.instant(), random);
  }
}
