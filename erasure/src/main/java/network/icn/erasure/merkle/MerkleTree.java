package network.icn.erasure.merkle;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;

/**
 * The per-shard Merkle tree: constants, one-shot helpers over an in-memory shard, and proof
 * verification.
 *
 * <p>Construction (normative; also in {@code erasure/README.md}):
 *
 * <ul>
 *   <li>The shard is cut into leaves of {@value #LEAF_SIZE} bytes; the last leaf may be shorter and
 *       is hashed as is (no padding). An empty shard has exactly one leaf, the empty one, so its
 *       root is {@code SHA-256(0x00)}.
 *   <li>{@code leaf = SHA-256(0x00 || data)}, {@code node = SHA-256(0x01 || left || right)}.
 *   <li>Level 0 holds the leaf hashes in order. Level {@code l + 1} pairs nodes {@code (0,1),
 *       (2,3), ...} of level {@code l}; an odd last node is promoted to the next level unchanged.
 *       The root is the single node of the top level.
 * </ul>
 */
public final class MerkleTree {

  /** Bytes per leaf. */
  public static final int LEAF_SIZE = 4096;

  /** Prefix byte of a leaf hash input. */
  public static final byte LEAF_PREFIX = 0x00;

  /** Prefix byte of an inner node hash input. */
  public static final byte NODE_PREFIX = 0x01;

  /** The root of an empty shard: the hash of its single empty leaf, {@code SHA-256(0x00)}. */
  public static final Sha256Hash EMPTY_ROOT =
      Sha256Hash.fromHex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");

  private MerkleTree() {}

  /** Leaves of a shard of {@code shardSize} bytes: {@code max(1, ceil(shardSize / 4096))}. */
  public static long leafCount(long shardSize) {
    if (shardSize < 0) {
      throw invalidArgument("shard size must be >= 0, got " + shardSize);
    }
    return shardSize == 0 ? 1 : (shardSize + LEAF_SIZE - 1) / LEAF_SIZE;
  }

  /** Bytes in leaf {@code leafIndex} of a shard of {@code shardSize} bytes. */
  public static int leafLength(long shardSize, long leafIndex) {
    long count = leafCount(shardSize);
    if (leafIndex < 0 || leafIndex >= count) {
      throw invalidArgument("leaf " + leafIndex + " is outside [0, " + count + ")");
    }
    return (int) Math.min(LEAF_SIZE, shardSize - leafIndex * LEAF_SIZE);
  }

  /** Sibling hashes in a proof for {@code leafIndex} of {@code leafCount}. */
  public static int proofLength(long leafIndex, long leafCount) {
    if (leafCount < 1 || leafIndex < 0 || leafIndex >= leafCount) {
      throw invalidArgument("leaf " + leafIndex + " is outside [0, " + leafCount + ")");
    }
    int siblings = 0;
    for (long index = leafIndex, width = leafCount;
        width > 1;
        index >>>= 1, width = (width + 1) >>> 1) {
      if ((index & 1) == 1 || index + 1 < width) {
        siblings++;
      }
    }
    return siblings;
  }

  /** The root of the shard held in {@code shard}'s remaining bytes (position untouched). */
  public static Sha256Hash root(ByteBuffer shard) {
    return new MerkleTreeBuilder().update(shard.duplicate()).finish();
  }

  /** The root of the shard {@code shard}. */
  public static Sha256Hash root(byte[] shard) {
    return new MerkleTreeBuilder().update(shard, 0, shard.length).finish();
  }

  /** The proof for {@code leafIndex} of the shard in {@code shard}'s remaining bytes. */
  public static MerkleProof proof(ByteBuffer shard, long leafIndex) {
    return new MerkleProofBuilder(leafIndex).update(shard.duplicate()).finish();
  }

  /** The proof for {@code leafIndex} of the shard {@code shard}. */
  public static MerkleProof proof(byte[] shard, long leafIndex) {
    return new MerkleProofBuilder(leafIndex).update(shard, 0, shard.length).finish();
  }

  /** A read-only view of leaf {@code leafIndex} of the shard in {@code shard}'s remaining bytes. */
  public static ByteBuffer leaf(ByteBuffer shard, long leafIndex) {
    int length = leafLength(shard.remaining(), leafIndex);
    int offset = Math.toIntExact(leafIndex * LEAF_SIZE);
    return shard.slice(shard.position() + offset, length).asReadOnlyBuffer();
  }

  /**
   * Whether {@code leafData} is leaf {@code leafIndex} of {@code leafCount} of the tree with root
   * {@code root}, according to {@code proof}. False (never an exception) for any mismatch: a proof
   * for another index or leaf count, a leaf of impossible length (every leaf but the last is
   * exactly 4096 bytes; the last has 1 to 4096, or 0 when it is the only leaf), or hashes that do
   * not lead to the root. {@code leafData}'s remaining bytes are the leaf; its position is
   * untouched.
   */
  public static boolean verify(
      Sha256Hash root, long leafIndex, long leafCount, ByteBuffer leafData, MerkleProof proof) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(leafData, "leafData");
    Objects.requireNonNull(proof, "proof");
    if (proof.leafIndex() != leafIndex || proof.leafCount() != leafCount) {
      return false;
    }
    int length = leafData.remaining();
    boolean last = leafIndex == leafCount - 1;
    boolean lengthOk =
        last ? length <= LEAF_SIZE && (length > 0 || leafCount == 1) : length == LEAF_SIZE;
    if (!lengthOk) {
      return false;
    }
    MessageDigest digest = newDigest();
    byte[] hash = new byte[Sha256Hash.LENGTH];
    byte[] sibling = new byte[Sha256Hash.LENGTH];
    digest.update(LEAF_PREFIX);
    digest.update(leafData.duplicate());
    finish(digest, hash);
    int next = 0;
    for (long index = leafIndex, width = leafCount;
        width > 1;
        index >>>= 1, width = (width + 1) >>> 1) {
      boolean siblingOnLeft = (index & 1) == 1;
      if (!siblingOnLeft && index + 1 >= width) {
        continue; // odd last node: promoted unchanged
      }
      proof.siblings().get(next++).copyTo(sibling, 0);
      digest.update(NODE_PREFIX);
      digest.update(siblingOnLeft ? sibling : hash);
      digest.update(siblingOnLeft ? hash : sibling);
      finish(digest, hash);
    }
    return next == proof.siblings().size() && root.equalsBytes(hash, 0);
  }

  /** {@link #verify(Sha256Hash, long, long, ByteBuffer, MerkleProof)} over a byte array leaf. */
  public static boolean verify(
      Sha256Hash root, long leafIndex, long leafCount, byte[] leafData, MerkleProof proof) {
    return verify(root, leafIndex, leafCount, ByteBuffer.wrap(leafData), proof);
  }

  /**
   * Like {@link #verify(Sha256Hash, long, long, ByteBuffer, MerkleProof)}, but throws.
   *
   * @throws ErasureException with {@link ErasureError#PROOF_INVALID} when the proof does not hold
   */
  public static void verifyOrThrow(
      Sha256Hash root, long leafIndex, long leafCount, ByteBuffer leafData, MerkleProof proof) {
    if (!verify(root, leafIndex, leafCount, leafData, proof)) {
      throw new ErasureException(
          ErasureError.PROOF_INVALID,
          "Merkle proof for leaf "
              + leafIndex
              + " of "
              + leafCount
              + " ("
              + leafData.remaining()
              + " bytes) does not lead to root "
              + root.toHex());
    }
  }

  /** {@link #verifyOrThrow(Sha256Hash, long, long, ByteBuffer, MerkleProof)} over a byte array. */
  public static void verifyOrThrow(
      Sha256Hash root, long leafIndex, long leafCount, byte[] leafData, MerkleProof proof) {
    verifyOrThrow(root, leafIndex, leafCount, ByteBuffer.wrap(leafData), proof);
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Completes {@code digest} into {@code target[0, 32)} and resets it; no allocation. */
  static void finish(MessageDigest digest, byte[] target) {
    finish(digest, target, 0);
  }

  static void finish(MessageDigest digest, byte[] target, int offset) {
    try {
      digest.digest(target, offset, Sha256Hash.LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("a 32-byte target always fits SHA-256", e);
    }
  }

  private static ErasureException invalidArgument(String message) {
    return new ErasureException(ErasureError.INVALID_ARGUMENT, message);
  }
}
