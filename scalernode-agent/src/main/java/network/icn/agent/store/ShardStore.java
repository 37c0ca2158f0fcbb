package network.icn.agent.store;

import java.util.Optional;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;

/**
 * Where a node keeps its shards. Every read is verified chunk by chunk against the CRC32Cs recorded
 * at write time; a write is verified against the declared spec before it becomes visible. Failures
 * are {@link AgentException}s.
 */
public interface ShardStore extends AutoCloseable {
  /**
   * Starts writing a shard. Fails fast with {@code CONFLICT} if a different shard already has this
   * id, or {@code INSUFFICIENT_STORAGE} if it cannot fit. Writing an identical shard again is
   * allowed and idempotent.
   */
  ShardWriter create(ShardId id, ShardSpec spec);

  /**
   * Starts writing a shard whose spec is known only after its bytes (it is given to {@link
   * ShardWriter#commit(ShardSpec)}). Capacity is reserved progressively as bytes arrive, so {@code
   * INSUFFICIENT_STORAGE} comes from {@link ShardWriter#write}; {@code CONFLICT} and idempotent
   * re-puts are decided at the commit.
   */
  ShardWriter createDeferred(ShardId id, int chunkSize);

  /** The shard's metadata, or empty if there is none. */
  Optional<ShardInfo> stat(ShardId id);

  /** Opens a shard for verified reading; {@code NOT_FOUND} if absent. */
  ShardReader open(ShardId id);

  /** Deletes a shard; returns false if there was none. */
  boolean delete(ShardId id);

  /**
   * Up to {@code limit} shards in the store's listing order, starting after {@code after} (empty
   * for the first page). The order is stable, so paging with the last id returned visits every
   * shard that exists throughout the walk exactly once.
   */
  ShardPage list(Optional<ShardId> after, int limit);

  /**
   * Like {@link #list} but ids only, taken from what is stored without reading any metadata, so it
   * also yields shards whose metadata is unreadable (the scrubber walks this to find them).
   */
  ShardIdPage ids(Optional<ShardId> after, int limit);

  /** Moves a shard out of service because its bytes are corrupt; returns false if absent. */
  boolean quarantine(ShardId id);

  /** Current capacity accounting. */
  StoreUsage usage();

  @Override
  void close();
}
