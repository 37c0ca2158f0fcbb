package network.icn.gateway.metadata;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where one shard of a segment lives and how to verify it.
 *
 * @param shardIndex 0..k+m-1 (data shards first)
 * @param nodeId the storage node holding it
 * @param shardId the id the node stores it under
 * @param shardSize bytes of the shard
 * @param merkleRoot SHA-256 Merkle root over the shard's 4 KiB leaves (32 bytes)
 * @param chunkCrc32c the CRC32C of each chunk of the shard, one per stripe, in order
 */
public record ShardRecord(
    int shardIndex,
    String nodeId,
    String shardId,
    long shardSize,
    byte[] merkleRoot,
    int[] chunkCrc32c) {
  public static final int MERKLE_ROOT_BYTES = 32;

  public ShardRecord {
    if (shardIndex < 0 || shardIndex > 255) {
      throw Check.invalid("shard index must be between 0 and 255, got " + shardIndex);
    }
    Check.keyPart(nodeId, "node id");
    Check.keyPart(shardId, "shard id");
    Check.nonNegative(shardSize, "shard size");
    Check.present(merkleRoot, "merkle root");
    if (merkleRoot.length != MERKLE_ROOT_BYTES) {
      throw Check.invalid("merkle root must be 32 bytes, got " + merkleRoot.length);
    }
    merkleRoot = merkleRoot.clone();
    chunkCrc32c = Check.present(chunkCrc32c, "chunk CRC32C list").clone();
  }

  @Override
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  @Override
  public int[] chunkCrc32c() {
    return chunkCrc32c.clone();
  }

  /** The number of chunks (stripes) the shard spans. */
  public int chunkCount() {
    return chunkCrc32c.length;
  }

  /** The CRC32C of chunk {@code stripe}, without copying the array. */
  public int chunkCrc32c(int stripe) {
    return chunkCrc32c[stripe];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShardRecord that
        && shardIndex == that.shardIndex
        && shardSize == that.shardSize
        && nodeId.equals(that.nodeId)
        && shardId.equals(that.shardId)
        && Arrays.equals(merkleRoot, that.merkleRoot)
        && Arrays.equals(chunkCrc32c, that.chunkCrc32c);
  }

  @Override
  public int hashCode() {
    return ((shardIndex * 31 + shardId.hashCode()) * 31 + nodeId.hashCode()) * 31
        + Arrays.hashCode(merkleRoot);
  }

  @Override
  public String toString() {
    return "ShardRecord[%d, node=%s, shard=%s, size=%d, root=%s, chunks=%d]"
        .formatted(
            shardIndex,
            nodeId,
            shardId,
            shardSize,
            HexFormat.of().formatHex(merkleRoot),
            chunkCrc32c.length);
  }
}
