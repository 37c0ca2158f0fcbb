package network.icn.agent.client;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's view of a ScalerNode agent. Every call is signed with the gateway's key and
 * completes exceptionally with an {@link AgentException} whose {@link AgentError} says what went
 * wrong (HTTP errors carry the agent's code; {@code UNAVAILABLE}, {@code TIMEOUT} and {@code
 * PROTOCOL_ERROR} are the client's own).
 *
 * <p>Every call names the target node twice: {@code node}, where to connect, and {@code nodeId},
 * the node's address, which the request signature binds to (see {@link RequestSigning}) so that a
 * request sent to one node cannot be replayed to another. The gateway knows both from placement.
 */
public interface AgentClient extends AutoCloseable {
  /**
   * Streams a shard to {@code node}. {@code source} is pulled on a client thread, one buffer at a
   * time, only as fast as the socket drains (back-pressure); it may block.
   */
  CompletableFuture<ShardReceipt> put(
      InetSocketAddress node, String nodeId, ShardId id, ShardSpec spec, ShardSource source);

  /**
   * Streams a shard whose spec is known only at the end: chunked body, spec sent as HTTP trailers.
   * {@code source} is pulled on a client thread only as fast as the socket drains (back-pressure);
   * it may block. If pulling from it throws, the request is aborted (the connection is cut before
   * the trailer), so the agent keeps nothing, and the future fails with {@code UNAVAILABLE}.
   */
  CompletableFuture<ShardReceipt> putStreaming(
      InetSocketAddress node,
      String nodeId,
      ShardId id,
      int chunkSize,
      StreamingShardSource source);

  /**
   * Streams a shard (or the inclusive byte range {@code [first, last]}) from {@code node} into
   * {@code sink}. The next bytes are read from the socket only after the stage {@code sink}
   * returned completes. Completes normally only if every byte arrived.
   */
  CompletableFuture<Void> get(
      InetSocketAddress node, String nodeId, ShardId id, Optional<long[]> range, ShardSink sink);

  /** Deletes a shard; true if it existed. */
  CompletableFuture<Boolean> delete(InetSocketAddress node, String nodeId, ShardId id);

  /** One page of the node's shard listing. */
  CompletableFuture<ListPage> list(
      InetSocketAddress node, String nodeId, Optional<ShardId> after, int limit);

  /** Sends a challenge; the answer's signature and proofs are the caller's to verify. */
  CompletableFuture<Challenge.Answer> challenge(
      InetSocketAddress node, String nodeId, Challenge.Request request);

  @Override
  void close();

  /** Supplies a shard's bytes in order. */
  @FunctionalInterface
  interface ShardSource {
    /** The next bytes (copied before the call returns again), or {@code null} at the end. */
    ByteBuffer next() throws Exception;
  }

  /** Supplies a shard's bytes, then its spec (size, chunk CRC32Cs, Merkle root). */
  interface StreamingShardSource {
    /** The next bytes (copied before the call returns again), or {@code null} at the end. */
    ByteBuffer next() throws Exception;

    /**
     * Called once, after {@link #next()} returned {@code null}: the spec of the bytes supplied. Its
     * chunk size must be the one given to {@code putStreaming}.
     */
    ShardSpec spec();
  }

  /** Receives a shard's bytes in order. */
  @FunctionalInterface
  interface ShardSink {
    /** {@code data} is valid until the returned stage completes. */
    CompletionStage<Void> onData(ByteBuffer data);
  }

  /** A listed shard. */
  record ListedShard(ShardId shardId, long size, MerkleRoot merkleRoot) {}

  /** A listing page and the cursor for the next one. */
  record ListPage(List<ListedShard> shards, Optional<ShardId> next) {
    public ListPage {
      shards = List.copyOf(shards);
    }
  }
}
