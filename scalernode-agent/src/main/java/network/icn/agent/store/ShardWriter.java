package network.icn.agent.store;

import java.nio.ByteBuffer;
import network.icn.agent.client.ShardSpec;

/**
 * A shard being written. Bytes are verified as they arrive; nothing is visible until a commit
 * succeeds; {@link #close()} without a commit discards everything and releases the reserved
 * capacity.
 */
public interface ShardWriter extends AutoCloseable {
  /**
   * Appends bytes (consumed fully). Fails with {@code CHECKSUM_MISMATCH} on a bad chunk (when the
   * spec was declared up front) or {@code INSUFFICIENT_STORAGE} when the capacity runs out; the
   * writer is then closed.
   */
  void write(ByteBuffer data);

  /**
   * For a writer made by {@link ShardStore#create}: verifies size and Merkle root, then makes the
   * shard durable and visible.
   */
  PutOutcome commit();

  /**
   * For a writer made by {@link ShardStore#createDeferred}: verifies the received bytes against
   * {@code spec} (size, every chunk CRC32C, Merkle root), then decides idempotent re-put or {@code
   * CONFLICT}, then makes the shard durable and visible. Any failure discards the write.
   */
  PutOutcome commit(ShardSpec spec);

  /** Discards an uncommitted shard; a no-op after commit. */
  @Override
  void close();
}
