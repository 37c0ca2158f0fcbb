package network.icn.erasure.stripe;

import java.util.Objects;
import network.icn.erasure.merkle.Sha256Hash;

/**
 * What the write path records about one shard: its size, its Merkle root (what challenges prove)
 * and the CRC32C of each of its chunks (the bitrot check on reads).
 *
 * @param shard the shard index, data shards first
 * @param size bytes in the shard
 * @param merkleRoot the shard's Merkle root (see {@code MerkleTree})
 * @param chunkCrcs one CRC32C per stripe
 */
public record ShardDigest(int shard, long size, Sha256Hash merkleRoot, ChunkCrcs chunkCrcs) {

  public ShardDigest {
    if (shard < 0) {
      throw new IllegalArgumentException("shard must be >= 0, got " + shard);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(chunkCrcs, "chunkCrcs");
  }
}
