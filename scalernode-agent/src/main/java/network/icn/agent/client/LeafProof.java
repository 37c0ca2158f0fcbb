package network.icn.agent.client;

import java.util.List;
import java.util.Objects;

/**
 * One 4 KiB leaf of a shard plus the sibling hashes from leaf to root (lowest level first), as
 * answered to a challenge. {@code leafCount} lets a verifier place the siblings left or right.
 */
public record LeafProof(long leafIndex, long leafCount, byte[] leaf, List<byte[]> siblings) {
  public LeafProof {
    Objects.requireNonNull(leaf, "leaf");
    if (leafCount <= 0 || leafIndex < 0 || leafIndex >= leafCount) {
      throw new IllegalArgumentException(
          "leaf index " + leafIndex + " out of range for " + leafCount + " leaves");
    }
    leaf = leaf.clone();
    siblings = siblings.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] leaf() {
    return leaf.clone();
  }

  @Override
  public List<byte[]> siblings() {
    return siblings.stream().map(byte[]::clone).toList();
  }
}
