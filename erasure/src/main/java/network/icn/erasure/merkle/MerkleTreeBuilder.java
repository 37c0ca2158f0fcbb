package network.icn.erasure.merkle;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes a shard's Merkle root (see {@link MerkleTree}) while the shard streams past, in one pass
 * and O(log n) memory.
 *
 * <p>Feed the shard in pieces of any size with {@code update}, then call {@link #finish()}. Leaves
 * are hashed as their bytes arrive (no leaf buffer, no copy of heap data); completed subtrees are
 * kept as a stack of perfect-subtree roots, one per set bit of the leaf count, merged as soon as
 * two of equal height meet. {@link #finish()} folds the stack right to left, which gives exactly
 * the level-by-level tree with odd last nodes promoted.
 *
 * <p>The hot path allocates nothing: one {@link MessageDigest} and fixed scratch arrays are reused,
 * and {@link #reset()} makes the builder ready for the next shard. Not thread-safe.
 */
public final class MerkleTreeBuilder {

  /** A leaf count is a long, so the stack never holds more than 64 subtree roots. */
  private static final int MAX_DEPTH = 64;

  private static final int H = Sha256Hash.LENGTH;

  private final MessageDigest digest = MerkleTree.newDigest();

  /** Roots of complete perfect subtrees, largest (leftmost) first; entry j at [j*32, j*32+32). */
  private final byte[] stack = new byte[MAX_DEPTH * H];

  /** The hash being built (a leaf, then the nodes it merges into). */
  private final byte[] current = new byte[H];

  /** Leaf to collect a proof for, or -1. */
  private final long trackedLeaf;

  /** Sibling hashes of {@link #trackedLeaf}'s path, bottom-up, when tracking. */
  private final byte[] siblings;

  private final byte[] trackedLeafData;

  private int siblingCount;
  private int trackedLeafLength;

  private long completedLeaves;
  private boolean leafOpen;
  private int leafFill;
  private long size;
  private boolean finished;

  /** A builder for a root only. */
  public MerkleTreeBuilder() {
    this(-1);
  }

  /** A builder that also records the path of {@code trackedLeaf} (or none for -1). */
  MerkleTreeBuilder(long trackedLeaf) {
    this.trackedLeaf = trackedLeaf;
    this.siblings = trackedLeaf < 0 ? null : new byte[MAX_DEPTH * H];
    this.trackedLeafData = trackedLeaf < 0 ? null : new byte[MerkleTree.LEAF_SIZE];
  }

  /** Hashes {@code data}'s remaining bytes and advances its position to its limit. */
  public MerkleTreeBuilder update(ByteBuffer data) {
    ensureOpen();
    if (data.hasArray()) {
      int position = data.position();
      update(data.array(), data.arrayOffset() + position, data.remaining());
      data.position(data.limit());
      return this;
    }
    int position = data.position();
    int limit = data.limit();
    try {
      while (position < limit) {
        int n = beginLeafPiece(limit - position);
        if (collectingTrackedLeaf()) {
          data.get(position, trackedLeafData, leafFill, n);
        }
        data.limit(position + n);
        digest.update(data); // moves the position to position + n
        data.limit(limit);
        position += n;
        endLeafPiece(n);
      }
    } finally {
      data.limit(limit);
      data.position(position);
    }
    return this;
  }

  /** Hashes {@code data[offset, offset + length)}. */
  public MerkleTreeBuilder update(byte[] data, int offset, int length) {
    ensureOpen();
    Objects.checkFromIndexSize(offset, length, data.length);
    int end = offset + length;
    while (offset < end) {
      int n = beginLeafPiece(end - offset);
      if (collectingTrackedLeaf()) {
        System.arraycopy(data, offset, trackedLeafData, leafFill, n);
      }
      digest.update(data, offset, n);
      offset += n;
      endLeafPiece(n);
    }
    return this;
  }

  /** Hashes all of {@code data}. */
  public MerkleTreeBuilder update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** Bytes fed so far. */
  public long size() {
    return size;
  }

  /**
   * Completes the tree and returns its root. The builder then refuses input until {@link #reset()}.
   */
  public Sha256Hash finish() {
    ensureOpen();
    finished = true;
    if (leafOpen || completedLeaves == 0) {
      if (!leafOpen) {
        digest.update(MerkleTree.LEAF_PREFIX); // the empty shard's single empty leaf
      }
      completeLeaf();
    }
    int entries = Long.bitCount(completedLeaves);
    int trackedEntry = trackedLeaf >= 0 ? entryOf(trackedLeaf) : -1;
    System.arraycopy(stack, (entries - 1) * H, current, 0, H);
    for (int j = entries - 2; j >= 0; j--) {
      if (j == trackedEntry) {
        addSibling(current, 0); // the folded rest is the right sibling
      } else if (j < trackedEntry) {
        addSibling(stack, j * H); // a larger subtree on the left
      }
      hashNode(stack, j * H);
    }
    return Sha256Hash.copyOf(current, 0, H);
  }

  /** Forgets everything fed so far; the builder can start the next shard. */
  public void reset() {
    digest.reset();
    completedLeaves = 0;
    leafOpen = false;
    leafFill = 0;
    size = 0;
    siblingCount = 0;
    trackedLeafLength = 0;
    finished = false;
  }

  /** Leaves in the finished tree. */
  long leafCount() {
    return completedLeaves;
  }

  /** The tracked leaf's path, after {@link #finish()}. */
  List<Sha256Hash> trackedSiblings() {
    List<Sha256Hash> result = new ArrayList<>(siblingCount);
    for (int i = 0; i < siblingCount; i++) {
      result.add(Sha256Hash.copyOf(siblings, i * H, H));
    }
    return result;
  }

  /** A copy of the tracked leaf's bytes, after {@link #finish()}. */
  byte[] trackedLeafData() {
    return Arrays.copyOf(trackedLeafData, trackedLeafLength);
  }

  /** Opens a leaf if needed; returns how many of {@code available} bytes go into it. */
  private int beginLeafPiece(int available) {
    if (!leafOpen) {
      digest.update(MerkleTree.LEAF_PREFIX);
      leafOpen = true;
    }
    return Math.min(available, MerkleTree.LEAF_SIZE - leafFill);
  }

  private void endLeafPiece(int n) {
    leafFill += n;
    size += n;
    if (collectingTrackedLeaf()) {
      trackedLeafLength = leafFill;
    }
    if (leafFill == MerkleTree.LEAF_SIZE) {
      completeLeaf();
    }
  }

  private boolean collectingTrackedLeaf() {
    return completedLeaves == trackedLeaf;
  }

  /**
   * Finishes the open leaf's hash and pushes it, merging equal-height subtrees: after leaf {@code
   * c} (0-based) there are as many merges as {@code c} has trailing one bits.
   */
  private void completeLeaf() {
    MerkleTree.finish(digest, current);
    long leaf = completedLeaves;
    int top = Long.bitCount(leaf); // where the new leaf would be pushed
    int merges = Long.numberOfTrailingZeros(leaf + 1);
    for (int height = 0; height < merges; height++) {
      top--;
      if (trackedLeaf >= 0) {
        long base = leaf + 1 - (2L << height);
        long middle = base + (1L << height);
        if (trackedLeaf >= base && trackedLeaf < middle) {
          addSibling(current, 0); // tracked leaf is in the left subtree
        } else if (trackedLeaf >= middle && trackedLeaf <= leaf) {
          addSibling(stack, top * H); // tracked leaf is in the right subtree
        }
      }
      hashNode(stack, top * H);
    }
    System.arraycopy(current, 0, stack, top * H, H);
    completedLeaves = leaf + 1;
    leafOpen = false;
    leafFill = 0;
  }

  /** {@code current = H(0x01 || left || current)} with {@code left} at {@code source[offset]}. */
  private void hashNode(byte[] source, int offset) {
    digest.update(MerkleTree.NODE_PREFIX);
    digest.update(source, offset, H);
    digest.update(current, 0, H);
    MerkleTree.finish(digest, current);
  }

  private void addSibling(byte[] source, int offset) {
    System.arraycopy(source, offset, siblings, siblingCount * H, H);
    siblingCount++;
  }

  /** Index of the stack entry (0 = leftmost, largest) whose subtree holds {@code leaf}. */
  private int entryOf(long leaf) {
    long start = 0;
    int entry = 0;
    for (int bit = 63; bit >= 0; bit--) {
      if ((completedLeaves & (1L << bit)) != 0) {
        start += 1L << bit;
        if (leaf < start) {
          return entry;
        }
        entry++;
      }
    }
    return -1; // beyond the tree: reported by MerkleProofBuilder
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("Merkle builder already finished; call reset() first");
    }
  }
}
