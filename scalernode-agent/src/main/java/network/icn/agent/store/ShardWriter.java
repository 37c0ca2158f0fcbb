package network.icn.agent.store;

import java.nio.ByteBuffer;

/**
 * A shard being written. Bytes are verified as they arrive; nothing is visible until {@link
 * #commit()} succeeds; {@link #close()} without a commit discards everything.
 */
public interface ShardWriter extends AutoCloseable {
  /** Appends bytes (consumed fully). Fails with {@code CHECKSUM_MISMATCH} on a bad chunk. */
  void write(ByteBuffer data);

  /** Verifies size and Merkle root, then makes the shard durable and visible. */
  PutOutcome commit();

  /** Discards an uncommitted shard; a no-op after commit. */
  @Override
  void close();
}
