package network.icn.erasure.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle construction written the obvious way, level by level with every leaf in memory: the
 * reference the streaming builder is checked against. Test code only.
 */
final class NaiveMerkle {

  private NaiveMerkle() {}

  static byte[] root(byte[] shard) {
    List<byte[]> level = leafHashes(shard);
    while (level.size() > 1) {
      level = nextLevel(level);
    }
    return level.getFirst();
  }

  /**
   * Siblings of {@code leafIndex}'s path, bottom-up, skipping levels where the node is promoted.
   */
  static List<byte[]> proof(byte[] shard, int leafIndex) {
    List<byte[]> level = leafHashes(shard);
    List<byte[]> siblings = new ArrayList<>();
    int index = leafIndex;
    while (level.size() > 1) {
      int sibling = index ^ 1;
      if (sibling < level.size()) {
        siblings.add(level.get(sibling));
      }
      level = nextLevel(level);
      index >>= 1;
    }
    return siblings;
  }

  static List<byte[]> leafHashes(byte[] shard) {
    List<byte[]> hashes = new ArrayList<>();
    if (shard.length == 0) {
      hashes.add(sha256(new byte[] {0x00}));
      return hashes;
    }
    for (int offset = 0; offset < shard.length; offset += MerkleTree.LEAF_SIZE) {
      byte[] leaf = Arrays.copyOfRange(shard, offset, Math.min(shard.length, offset + 4096));
      byte[] input = new byte[leaf.length + 1];
      input[0] = 0x00;
      System.arraycopy(leaf, 0, input, 1, leaf.length);
      hashes.add(sha256(input));
    }
    return hashes;
  }

  private static List<byte[]> nextLevel(List<byte[]> level) {
    List<byte[]> next = new ArrayList<>();
    for (int i = 0; i + 1 < level.size(); i += 2) {
      byte[] input = new byte[65];
      input[0] = 0x01;
      System.arraycopy(level.get(i), 0, input, 1, 32);
      System.arraycopy(level.get(i + 1), 0, input, 33, 32);
      next.add(sha256(input));
    }
    if (level.size() % 2 == 1) {
      next.add(level.getLast()); // odd last node promoted unchanged
    }
    return next;
  }

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
