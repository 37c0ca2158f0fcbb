package network.icn.agent.merkle;

import java.nio.ByteBuffer;
import network.icn.agent.client.LeafProof;
import network.icn.agent.client.MerkleRoot;

/**
 * The per-shard SHA-256 Merkle tree over 4 KiB leaves, as the agent needs it: recompute a root
 * while a shard streams in, prove one leaf, verify a proof. The tree itself lives in the erasure
 * module; this interface is the seam the agent codes against.
 */
public interface ShardMerkle {
  /** Leaf size in bytes. */
  int LEAF_SIZE = 4096;

  /** A builder that is fed the shard's bytes in order and yields the root. */
  RootBuilder newRootBuilder();

  /**
   * Proves leaf {@code leafIndex} of a shard whose bytes {@code source} yields in order. Streams:
   * memory does not grow with the shard size.
   */
  LeafProof prove(ShardBytes source, long shardSize, int leafIndex);

  /** True if {@code proof} proves its leaf against {@code root}. */
  boolean verify(MerkleRoot root, LeafProof proof);

  /** Number of leaves of a shard of {@code shardSize} bytes. */
  static long leafCount(long shardSize) {
    return (shardSize + LEAF_SIZE - 1) / LEAF_SIZE;
  }

  /** Incremental root computation. */
  interface RootBuilder {
    void update(ByteBuffer data);

    MerkleRoot root();
  }

  /** The bytes of a shard, read in order, one buffer at a time. */
  @FunctionalInterface
  interface ShardBytes {
    /** Returns the next buffer of the shard, or {@code null} at the end. */
    ByteBuffer next();
  }
}
