package network.icn.gateway.gc;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.ShardId;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ShardDeletion;
import network.icn.gateway.object.InFlightSegments;
import network.icn.gateway.object.SegmentIds;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.PlacementService;

/**
 * Reconciles every node's shard listing with the metadata and queues orphans for deletion: shards
 * that no object or part references (crash leftovers, deletions the deleter gave up on). A listed
 * shard is kept when, checked in this order,
 *
 * <ol>
 *   <li>its segment is in flight in this process ({@link InFlightSegments}: a writer adds it before
 *       sending and removes it only after its commit, so checking it <em>before</em> the index
 *       cannot miss a commit that happens during the check);
 *   <li>the reverse index names an owner ({@link MetadataStore#shardOwner});
 *   <li>its id carries no creation time ({@link SegmentIds}; not written by this gateway's format,
 *       so its age is unknown: reported, never deleted);
 *   <li>it is younger than the grace period (a write in flight in another or a restarted process).
 * </ol>
 *
 * Everything else is queued for deletion; the {@code ShardDeleter} deletes it with retries. Safe to
 * run concurrently with writers; not with itself.
 */
public final class OrphanSweep {
  private static final Logger LOG = System.getLogger(OrphanSweep.class.getName());

  /** What one sweep found. */
  public record Result(
      int nodes,
      int nodesFailed,
      long listed,
      long referenced,
      long inFlight,
      long young,
      long unknownAge,
      long orphans) {}

  private final PlacementService placement;
  private final AgentClient client;
  private final NodeDirectory nodes;
  private final MetadataStore metadata;
  private final InFlightSegments inFlight;
  private final Clock clock;
  private final GcConfig config;

  public OrphanSweep(
      PlacementService placement,
      AgentClient client,
      NodeDirectory nodes,
      MetadataStore metadata,
      InFlightSegments inFlight,
      Clock clock,
      GcConfig config) {
    this.placement = Objects.requireNonNull(placement, "placement");
    this.client = Objects.requireNonNull(client, "client");
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Sweeps every node placement knows (decommissioned ones excepted) once. */
  public Result runOnce() {
    Instant cutoff = clock.instant().minus(config.gracePeriod());
    Counts counts = new Counts();
    for (NodeView node : placement.nodes()) {
      if (node.state() == NodeState.DECOMMISSIONED) {
        continue;
      }
      counts.nodes++;
      try {
        sweepNode(node.nodeId(), cutoff, counts);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        counts.nodesFailed++;
        nodes.forget(node.nodeId());
        LOG.log(
            Level.WARNING, "GC sweep of node {0} failed: {1}", node.nodeId(), String.valueOf(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Result(
        counts.nodes,
        counts.nodesFailed,
        counts.listed,
        counts.referenced,
        counts.inFlight,
        counts.young,
        counts.unknownAge,
        counts.orphans);
  }

  private void sweepNode(String nodeId, Instant cutoff, Counts counts)
      throws ExecutionException, TimeoutException, InterruptedException {
    InetSocketAddress address = nodes.address(nodeId);
    if (address == null) {
      throw new IllegalStateException("node " + nodeId + " has no address");
    }
    Optional<ShardId> after = Optional.empty();
    Instant now = clock.instant();
    do {
      AgentClient.ListPage page =
          client
              .list(address, nodeId, after, config.sweepPageSize())
              .get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
      List<ShardDeletion> orphans = new ArrayList<>();
      for (AgentClient.ListedShard listed : page.shards()) {
        counts.listed++;
        String shardId = listed.shardId().value();
        if (inFlight.holdsShard(shardId)) {
          counts.inFlight++;
        } else if (metadata.shardOwner(nodeId, shardId).isPresent()) {
          counts.referenced++;
        } else {
          Optional<Instant> created = SegmentIds.createdAt(shardId);
          if (created.isEmpty()) {
            counts.unknownAge++;
          } else if (created.get().isAfter(cutoff)) {
            counts.young++;
          } else {
            counts.orphans++;
            orphans.add(ShardDeletion.of(nodeId, shardId, now));
          }
        }
      }
      if (!orphans.isEmpty()) {
        metadata.enqueueShardDeletions(orphans);
      }
      after = page.next();
    } while (after.isPresent());
  }

  /** Mutable tallies of one sweep. */
  private static final class Counts {
    int nodes;
    int nodesFailed;
    long listed;
    long referenced;
    long inFlight;
    long young;
    long unknownAge;
    long orphans;
  }
}
