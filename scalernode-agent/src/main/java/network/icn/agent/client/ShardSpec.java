package network.icn.agent.client;

import java.util.Objects;

/**
 * What the gateway declares about a shard before streaming it: its size, the chunk size its CRC32Cs
 * are computed over, those CRC32Cs, and its Merkle root. The agent verifies the received bytes
 * against all of it.
 */
public record ShardSpec(long size, int chunkSize, ChunkChecksums chunkCrcs, MerkleRoot merkleRoot) {
  /** Smallest chunk size accepted: one Merkle leaf. */
  public static final int MIN_CHUNK_SIZE = 4096;

  /** Largest chunk size accepted: bounds the memory a verified read needs per stream. */
  public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

  public ShardSpec {
    Objects.requireNonNull(chunkCrcs, "chunkCrcs");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    if (size <= 0) {
      throw new IllegalArgumentException("shard size must be positive, got " + size);
    }
    if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunk size must be in ["
              + MIN_CHUNK_SIZE
              + ", "
              + MAX_CHUNK_SIZE
              + "], got "
              + chunkSize);
    }
    long expected = (size + chunkSize - 1) / chunkSize;
    if (chunkCrcs.count() != expected) {
      throw new IllegalArgumentException(
          "a shard of "
              + size
              + " bytes in chunks of "
              + chunkSize
              + " has "
              + expected
              + " chunks, but "
              + chunkCrcs.count()
              + " CRC32Cs were declared");
    }
  }

  public int chunkCount() {
    return chunkCrcs.count();
  }

  /** Length in bytes of chunk {@code index} (the last one may be short). */
  public int chunkLength(int index) {
    Objects.checkIndex(index, chunkCount());
    return (int) Math.min(chunkSize, size - (long) index * chunkSize);
  }
}
