package network.icn.erasure.stripe;

import java.nio.ByteBuffer;

/**
 * Where a {@link StripeDecoder} gets chunks and their recorded CRC32Cs: in the gateway, shard reads
 * from agents plus the object's metadata; in tests, memory. The decoder asks for the data chunks a
 * range needs first and for the other chunks only if one of those is unavailable or corrupt.
 */
public interface ChunkSource {

  /**
   * Chunk {@code shard} of stripe {@code stripe}: the buffer's remaining bytes are the chunk (the
   * decoder neither moves nor modifies it), or {@code null} when it cannot be had (node down,
   * timeout). A chunk of the wrong length counts as corrupt.
   */
  ByteBuffer chunk(long stripe, int shard);

  /** The CRC32C recorded for chunk {@code shard} of stripe {@code stripe} when it was written. */
  int expectedCrc(long stripe, int shard);
}
