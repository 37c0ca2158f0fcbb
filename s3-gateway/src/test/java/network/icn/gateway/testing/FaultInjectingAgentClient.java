package network.icn.gateway.testing;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;

/**
 * An {@link AgentClient} decorator with per-node fault switches: fail writes, fail reads, or hang
 * (never answer) reads or writes. Hung calls complete with {@code TIMEOUT} when the client closes,
 * so nothing leaks past a test.
 */
public final class FaultInjectingAgentClient implements AgentClient {
  /** One node's switches. */
  public static final class Faults {
    volatile boolean failWrites;
    volatile boolean failReads;
    volatile boolean hangReads;
    volatile boolean hangWrites;
    volatile boolean corruptReads;

    void clear() {
      failWrites = false;
      failReads = false;
      hangReads = false;
      hangWrites = false;
      corruptReads = false;
    }
  }

  private final AgentClient delegate;
  private final Map<String, Faults> faults = new ConcurrentHashMap<>();
  private final java.util.Set<CompletableFuture<?>> hung = ConcurrentHashMap.newKeySet();

  public FaultInjectingAgentClient(AgentClient delegate) {
    this.delegate = delegate;
  }

  /** The switches of {@code nodeId} (created on first use). */
  public Faults faults(String nodeId) {
    return faults.computeIfAbsent(nodeId.toLowerCase(java.util.Locale.ROOT), id -> new Faults());
  }

  private Faults of(String nodeId) {
    Faults f = faults.get(nodeId.toLowerCase(java.util.Locale.ROOT));
    return f == null ? new Faults() : f;
  }

  private <T> CompletableFuture<T> hang() {
    CompletableFuture<T> never = new CompletableFuture<>();
    hung.add(never);
    return never;
  }

  private static <T> CompletableFuture<T> injected(String what) {
    return CompletableFuture.failedFuture(
        new AgentException(AgentError.IO_ERROR, "injected fault: " + what));
  }

  @Override
  public CompletableFuture<ShardReceipt> put(
      InetSocketAddress node, String nodeId, ShardId id, ShardSpec spec, ShardSource source) {
    Faults f = of(nodeId);
    if (f.failWrites) {
      return injected("write to " + nodeId);
    }
    return f.hangWrites ? hang() : delegate.put(node, nodeId, id, spec, source);
  }

  @Override
  public CompletableFuture<ShardReceipt> putStreaming(
      InetSocketAddress node,
      String nodeId,
      ShardId id,
      int chunkSize,
      StreamingShardSource source) {
    Faults f = of(nodeId);
    if (f.failWrites) {
      return injected("write to " + nodeId);
    }
    return f.hangWrites ? hang() : delegate.putStreaming(node, nodeId, id, chunkSize, source);
  }

  @Override
  public CompletableFuture<Void> get(
      InetSocketAddress node, String nodeId, ShardId id, Optional<long[]> range, ShardSink sink) {
    Faults f = of(nodeId);
    if (f.failReads) {
      return injected("read from " + nodeId);
    }
    if (f.hangReads) {
      return hang();
    }
    if (f.corruptReads) {
      boolean[] first = {true};
      return delegate.get(
          node,
          nodeId,
          id,
          range,
          data -> {
            if (first[0] && data.hasRemaining()) {
              first[0] = false;
              java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(data.remaining());
              copy.put(data.duplicate()).flip();
              copy.put(0, (byte) (copy.get(0) ^ 0x01));
              return sink.onData(copy);
            }
            return sink.onData(data);
          });
    }
    return delegate.get(node, nodeId, id, range, sink);
  }

  @Override
  public CompletableFuture<Boolean> delete(InetSocketAddress node, String nodeId, ShardId id) {
    return delegate.delete(node, nodeId, id);
  }

  @Override
  public CompletableFuture<ListPage> list(
      InetSocketAddress node, String nodeId, Optional<ShardId> after, int limit) {
    return delegate.list(node, nodeId, after, limit);
  }

  @Override
  public CompletableFuture<Challenge.Answer> challenge(
      InetSocketAddress node, String nodeId, Challenge.Request request) {
    return delegate.challenge(node, nodeId, request);
  }

  /** Clears every switch. */
  public void clearAll() {
    faults.values().forEach(Faults::clear);
  }

  @Override
  public void close() {
    for (CompletableFuture<?> f : hung) {
      f.completeExceptionally(new AgentException(AgentError.TIMEOUT, "client closed"));
    }
    delegate.close();
  }
}
