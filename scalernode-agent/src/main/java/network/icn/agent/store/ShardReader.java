package network.icn.agent.store;

import java.nio.ByteBuffer;

/** An open shard. Chunks come back only after their CRC32C verified. */
public interface ShardReader extends AutoCloseable {
  ShardInfo info();

  /**
   * Reads chunk {@code index} into {@code dst} (which must have room for the whole chunk) and
   * verifies its CRC32C. On a mismatch it throws {@code CORRUPT_SHARD} and {@code dst}'s contents
   * must not be used.
   */
  void readChunk(int index, ByteBuffer dst);

  @Override
  void close();
}
