package network.icn.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.gateway.metadata.InMemoryMetadataStore;
import network.icn.gateway.metadata.ShardDeletion;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Utilisation;
import org.junit.jupiter.api.Test;

class ShardDeleterTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final String NODE = "0x00000000000000000000000000000000000000a1";

  /** An agent client that knows a set of shards and can be told to be unreachable. */
  static final class FakeAgents implements AgentClient {
    final Set<String> stored = ConcurrentHashMap.newKeySet();
    volatile boolean down;

    @Override
    public CompletableFuture<Boolean> delete(InetSocketAddress node, String nodeId, ShardId id) {
      if (down) {
        return CompletableFuture.failedFuture(
            new AgentException(AgentError.UNAVAILABLE, "node down"));
      }
      return CompletableFuture.completedFuture(stored.remove(id.value()));
    }

    @Override
    public CompletableFuture<ShardReceipt> put(
        InetSocketAddress n, String id, ShardId s, ShardSpec spec, ShardSource src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<ShardReceipt> putStreaming(
        InetSocketAddress n, String id, ShardId s, int c, StreamingShardSource src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> get(
        InetSocketAddress n, String id, ShardId s, Optional<long[]> r, ShardSink sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<ListPage> list(
        InetSocketAddress n, String id, Optional<ShardId> a, int l) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Challenge.Answer> challenge(
        InetSocketAddress n, String id, Challenge.Request r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  /** Placement that knows no node (addresses come from {@link NodeDirectory#learn}). */
  static final class NoNodes implements PlacementService {
    @Override
    public Optional<NodeView> node(String nodeId) {
      return Optional.empty();
    }

    @Override
    public NodeView register(SignedRegistration r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public NodeView heartbeat(SignedHeartbeat h) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<NodeView> nodes() {
      return List.of();
    }

    @Override
    public Placement place(PlacementRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Placement replacement(ReplacementRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Booking book(BookingRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Booking> bookings(String t) {
      return List.of();
    }

    @Override
    public Utilisation utilisation(String region) {
      throw new UnsupportedOperationException();
    }
  }

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryMetadataStore metadata = new InMemoryMetadataStore(clock);
  private final FakeAgents agents = new FakeAgents();
  private final NodeDirectory nodes = new NodeDirectory(new NoNodes());

  private ShardDeleter deleter(int maxAttempts) {
    nodes.learn(NODE, "http://127.0.0.1:9");
    return new ShardDeleter(
        metadata,
        agents,
        nodes,
        clock,
        new ShardDeleter.Settings(
            10, Duration.ofSeconds(10), Duration.ofMinutes(1), maxAttempts, Duration.ofSeconds(1)));
  }

  @Test
  void deleterRemovesQueuedShardsAndAcksThemIncludingOnesAlreadyGone() {
    agents.stored.add("s-1");
    metadata.enqueueShardDeletions(
        List.of(ShardDeletion.of(NODE, "s-1", NOW), ShardDeletion.of(NODE, "s-2", NOW)));
    assertEquals(new ShardDeleter.Pass(1, 1, 0, 0), deleter(5).runOnce());
    assertTrue(agents.stored.isEmpty());
    assertTrue(metadata.peekShardDeletions(NOW.plusSeconds(86_400), 10).isEmpty());
  }

  @Test
  void failedDeletesAreRetriedLaterWithExponentialBackoff() {
    agents.down = true;
    metadata.enqueueShardDeletions(List.of(ShardDeletion.of(NODE, "s-3", NOW)));
    ShardDeleter deleter = deleter(5);
    assertEquals(1, deleter.runOnce().retried());
    assertTrue(metadata.peekShardDeletions(NOW, 10).isEmpty(), "not due again right away");
    List<ShardDeletion> later = metadata.peekShardDeletions(NOW.plusSeconds(10), 10);
    assertEquals(1, later.size());
    assertEquals(1, later.getFirst().attempts());
    assertEquals(Duration.ofSeconds(40), deleter.backoff(2));
    assertEquals(Duration.ofMinutes(1), deleter.backoff(20));
  }

  @Test
  void deleterGivesUpAfterMaxAttempts() {
    agents.down = true;
    metadata.enqueueShardDeletions(List.of(new ShardDeletion(NODE, "s-4", NOW, 2, NOW)));
    assertEquals(1, deleter(3).runOnce().gaveUp());
    assertTrue(metadata.peekShardDeletions(NOW.plusSeconds(86_400), 10).isEmpty());
  }

  @Test
  void deletionsOnUnknownNodesAreRetriedNotDropped() {
    metadata.enqueueShardDeletions(List.of(ShardDeletion.of("0x" + "b".repeat(40), "s-5", NOW)));
    assertEquals(1, deleter(5).runOnce().retried());
    assertEquals(1, metadata.peekShardDeletions(NOW.plusSeconds(10), 10).size());
  }
}
