package network.icn.erasure.merkle;

import java.nio.ByteBuffer;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;

/**
 * Builds the proof for one leaf while the shard streams past once, in O(log n) memory: what an
 * agent does to answer a challenge. It computes the root as {@link MerkleTreeBuilder} does and
 * records the sibling of the leaf's path at every merge, plus a copy of the leaf's bytes.
 *
 * <pre>{@code
 * MerkleProofBuilder builder = new MerkleProofBuilder(leafIndex);
 * while (...) builder.update(pieceOfShard);
 * MerkleProof proof = builder.finish();
 * byte[] leaf = builder.leafData();
 * Sha256Hash root = builder.root();
 * }</pre>
 *
 * Not thread-safe; one builder per proof.
 */
public final class MerkleProofBuilder {

  private final long leafIndex;
  private final MerkleTreeBuilder tree;
  private Sha256Hash root;
  private MerkleProof proof;

  /** A builder for the proof of leaf {@code leafIndex} (0-based). */
  public MerkleProofBuilder(long leafIndex) {
    if (leafIndex < 0) {
      throw new ErasureException(
          ErasureError.INVALID_ARGUMENT, "leaf index must be >= 0, got " + leafIndex);
    }
    this.leafIndex = leafIndex;
    this.tree = new MerkleTreeBuilder(leafIndex);
  }

  /** Feeds {@code data}'s remaining bytes and advances its position to its limit. */
  public MerkleProofBuilder update(ByteBuffer data) {
    tree.update(data);
    return this;
  }

  /** Feeds {@code data[offset, offset + length)}. */
  public MerkleProofBuilder update(byte[] data, int offset, int length) {
    tree.update(data, offset, length);
    return this;
  }

  /**
   * Completes the tree and returns the proof.
   *
   * @throws ErasureException with {@link ErasureError#INVALID_ARGUMENT} if the shard has no leaf
   *     {@code leafIndex}
   */
  public MerkleProof finish() {
    Sha256Hash finishedRoot = tree.finish();
    long leafCount = tree.leafCount();
    if (leafIndex >= leafCount) {
      throw new ErasureException(
          ErasureError.INVALID_ARGUMENT,
          "leaf "
              + leafIndex
              + " does not exist: the shard has "
              + tree.size()
              + " bytes, "
              + leafCount
              + " leaves");
    }
    root = finishedRoot;
    proof = new MerkleProof(leafIndex, leafCount, tree.trackedSiblings());
    return proof;
  }

  /** The shard's root, after {@link #finish()}. */
  public Sha256Hash root() {
    requireFinished();
    return root;
  }

  /** A copy of the proven leaf's bytes, after {@link #finish()}. */
  public byte[] leafData() {
    requireFinished();
    return tree.trackedLeafData();
  }

  /** Bytes of the shard fed so far. */
  public long size() {
    return tree.size();
  }

  private void requireFinished() {
    if (proof == null) {
      throw new IllegalStateException("call finish() first");
    }
  }
}
