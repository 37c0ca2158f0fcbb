package network.icn.erasure.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The sibling hashes on the path from one leaf to the root, bottom-up.
 *
 * <p>Sides are not stored: they follow from {@code leafIndex} and {@code leafCount} (see {@link
 * MerkleTree#verify}), so a proof cannot be replayed for another index. Levels at which the path's
 * node is an odd last node (promoted unchanged) contribute no sibling, so {@code siblings.size()}
 * is exactly {@link MerkleTree#proofLength(long, long)}.
 *
 * @param leafIndex the leaf this proof is for, {@code 0 <= leafIndex < leafCount}
 * @param leafCount leaves in the shard, {@code >= 1} (see {@link MerkleTree#leafCount(long)})
 * @param siblings sibling hashes from the leaf's level upwards (immutable)
 */
public record MerkleProof(long leafIndex, long leafCount, List<Sha256Hash> siblings) {

  public MerkleProof {
    if (leafCount < 1) {
      throw new IllegalArgumentException("leafCount must be >= 1, got " + leafCount);
    }
    if (leafIndex < 0 || leafIndex >= leafCount) {
      throw new IllegalArgumentException(
          "leafIndex " + leafIndex + " is outside [0, " + leafCount + ")");
    }
    siblings = List.copyOf(Objects.requireNonNull(siblings, "siblings"));
    int expected = MerkleTree.proofLength(leafIndex, leafCount);
    if (siblings.size() != expected) {
      throw new IllegalArgumentException(
          "a proof for leaf "
              + leafIndex
              + " of "
              + leafCount
              + " has "
              + expected
              + " siblings, got "
              + siblings.size());
    }
  }
}
