package network.icn.erasure.merkle;

import static network.icn.erasure.merkle.MerkleTreeBuilderTest.direct;
import static network.icn.erasure.merkle.MerkleTreeBuilderTest.pattern;
import static network.icn.erasure.merkle.MerkleTreeBuilderTest.pieceSize;
import static network.icn.erasure.merkle.MerkleTreeBuilderTest.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import org.junit.jupiter.api.Test;

class MerkleProofTest {

  private static final int LEAF = MerkleTree.LEAF_SIZE;

  /** Shard sizes covering 1 to 17 leaves, full and ragged last leaves, and the empty shard. */
  private static final int[] SIZES = {
    0,
    1,
    LEAF,
    LEAF + 1,
    2 * LEAF,
    3 * LEAF - 5,
    4 * LEAF,
    5 * LEAF + 9,
    6 * LEAF,
    7 * LEAF - 1,
    8 * LEAF,
    9 * LEAF + 1,
    13 * LEAF,
    16 * LEAF + 3000,
    17 * LEAF
  };

  @Test
  void proofsForEveryLeafVerifyAndMatchTheLevelByLevelPath() {
    SplittableRandom random = new SplittableRandom(1);
    for (int size : SIZES) {
      byte[] shard = randomBytes(random, size);
      Sha256Hash root = MerkleTree.root(shard);
      long leafCount = MerkleTree.leafCount(size);
      for (int leaf = 0; leaf < leafCount; leaf++) {
        MerkleProof proof = MerkleTree.proof(shard, leaf);
        byte[] leafData = leafOf(shard, leaf);
        assertTrue(MerkleTree.verify(root, leaf, leafCount, leafData, proof), size + "/" + leaf);
        MerkleTree.verifyOrThrow(root, leaf, leafCount, leafData, proof);
        assertEquals(MerkleTree.proofLength(leaf, leafCount), proof.siblings().size());
        List<byte[]> naive = NaiveMerkle.proof(shard, leaf);
        assertEquals(naive.size(), proof.siblings().size(), size + "/" + leaf);
        for (int i = 0; i < naive.size(); i++) {
          assertArrayEquals(naive.get(i), proof.siblings().get(i).toByteArray());
        }
      }
    }
  }

  @Test
  void streamingProofEqualsInMemoryProofAndCapturesTheLeafAndRoot() {
    SplittableRandom random = new SplittableRandom(2);
    for (int size : SIZES) {
      byte[] shard = randomBytes(random, size);
      long leafCount = MerkleTree.leafCount(size);
      for (int leaf = 0; leaf < leafCount; leaf++) {
        MerkleProofBuilder builder = new MerkleProofBuilder(leaf);
        int offset = 0;
        while (offset < size) {
          int n = Math.min(size - offset, pieceSize(random));
          builder.update(direct(Arrays.copyOfRange(shard, offset, offset + n)));
          offset += n;
        }
        MerkleProof streamed = builder.finish();
        assertEquals(MerkleTree.proof(ByteBuffer.wrap(shard), leaf), streamed);
        assertArrayEquals(leafOf(shard, leaf), builder.leafData());
        assertEquals(MerkleTree.root(shard), builder.root());
        assertEquals(size, builder.size());
      }
    }
  }

  /** The published proof vectors (README "Merkle trees"): 5 leaves of byte i = i mod 251. */
  @Test
  void proofsMatchThePublishedTestVectors() {
    byte[] shard = pattern(5 * LEAF);
    assertEquals(
        List.of(
            Sha256Hash.fromHex("a7546d4d58e3b7a06ae91456cf829cce45679b735e4a0afafd5441393751295c"),
            Sha256Hash.fromHex("4199f3315bb6cef8ee8ff505ca35574761bab4cf7750c701ee452985e0bcc4c8"),
            Sha256Hash.fromHex("c34674d97f9b6b2e0e986157d81b2f78c1351fb22b158ccccbd6d8bae63da4fd")),
        MerkleTree.proof(shard, 2).siblings());
    assertEquals(
        List.of(
            Sha256Hash.fromHex("be0a220b05aa06126f08197d6d272ce080f0c6264077e893d95e572b2902b328")),
        MerkleTree.proof(shard, 4).siblings());
  }

  @Test
  void anyFlippedBitInTheLeafFailsVerification() {
    byte[] shard = pattern(5 * LEAF + 100);
    Sha256Hash root = MerkleTree.root(shard);
    for (int leaf : new int[] {0, 3, 5}) {
      MerkleProof proof = MerkleTree.proof(shard, leaf);
      byte[] leafData = leafOf(shard, leaf);
      for (int bit = 0; bit < leafData.length * 8; bit += (leaf == 5 ? 1 : 37)) {
        byte[] flipped = leafData.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        assertFalse(
            MerkleTree.verify(root, leaf, 6, flipped, proof), "leaf " + leaf + " bit " + bit);
      }
    }
  }

  @Test
  void anyFlippedBitInAnySiblingOrTheRootFailsVerification() {
    byte[] shard = pattern(11 * LEAF - 3);
    Sha256Hash root = MerkleTree.root(shard);
    long leafCount = 11;
    for (int leaf = 0; leaf < leafCount; leaf++) {
      MerkleProof proof = MerkleTree.proof(shard, leaf);
      byte[] leafData = leafOf(shard, leaf);
      for (int s = 0; s < proof.siblings().size(); s++) {
        for (int bit = 0; bit < 256; bit++) {
          List<Sha256Hash> siblings = new ArrayList<>(proof.siblings());
          siblings.set(s, flip(siblings.get(s), bit));
          MerkleProof bad = new MerkleProof(leaf, leafCount, siblings);
          assertFalse(MerkleTree.verify(root, leaf, leafCount, leafData, bad));
        }
      }
      for (int bit = 0; bit < 256; bit++) {
        assertFalse(MerkleTree.verify(flip(root, bit), leaf, leafCount, leafData, proof));
      }
    }
  }

  @Test
  void aProofDoesNotVerifyForAnyOtherIndexOrLeafCount() {
    byte[] shard = pattern(9 * LEAF);
    Sha256Hash root = MerkleTree.root(shard);
    for (int leaf = 0; leaf < 9; leaf++) {
      MerkleProof proof = MerkleTree.proof(shard, leaf);
      byte[] leafData = leafOf(shard, leaf);
      for (int other = 0; other < 9; other++) {
        if (other == leaf) {
          continue;
        }
        assertFalse(MerkleTree.verify(root, other, 9, leafData, proof));
        if (MerkleTree.proofLength(other, 9) == proof.siblings().size()) {
          // Same shape, relabelled: sides now follow the wrong index.
          MerkleProof relabelled = new MerkleProof(other, 9, proof.siblings());
          assertFalse(MerkleTree.verify(root, other, 9, leafData, relabelled), leaf + "->" + other);
        }
      }
      assertFalse(MerkleTree.verify(root, leaf, 10, leafData, proof));
    }
  }

  @Test
  void leavesOfImpossibleLengthAreRejected() {
    byte[] shard = pattern(3 * LEAF);
    Sha256Hash root = MerkleTree.root(shard);
    MerkleProof first = MerkleTree.proof(shard, 0);
    assertFalse(MerkleTree.verify(root, 0, 3, Arrays.copyOf(leafOf(shard, 0), 100), first));
    assertFalse(MerkleTree.verify(root, 0, 3, Arrays.copyOf(leafOf(shard, 0), LEAF + 1), first));
    MerkleProof last = MerkleTree.proof(shard, 2);
    assertFalse(MerkleTree.verify(root, 2, 3, new byte[0], last));
    assertTrue(
        MerkleTree.verify(
            MerkleTree.EMPTY_ROOT, 0, 1, new byte[0], MerkleTree.proof(new byte[0], 0)));
  }

  @Test
  void verifyOrThrowReportsProofInvalid() {
    byte[] shard = pattern(2 * LEAF);
    MerkleProof proof = MerkleTree.proof(shard, 1);
    byte[] wrong = leafOf(shard, 0);
    ErasureException e =
        assertThrows(
            ErasureException.class,
            () -> MerkleTree.verifyOrThrow(MerkleTree.root(shard), 1, 2, wrong, proof));
    assertEquals(ErasureError.PROOF_INVALID, e.error());
  }

  @Test
  void verifyLeavesTheLeafBufferPositionAlone() {
    byte[] shard = pattern(2 * LEAF);
    ByteBuffer leaf = MerkleTree.leaf(ByteBuffer.allocate(0), 0);
    assertEquals(0, leaf.remaining());
    ByteBuffer second = MerkleTree.leaf(ByteBuffer.wrap(shard), 1);
    assertTrue(MerkleTree.verify(MerkleTree.root(shard), 1, 2, second, MerkleTree.proof(shard, 1)));
    assertEquals(0, second.position());
    assertEquals(LEAF, second.remaining());
  }

  @Test
  void proofForALeafBeyondTheShardIsAnInvalidArgument() {
    MerkleProofBuilder builder = new MerkleProofBuilder(2).update(pattern(LEAF + 1), 0, LEAF + 1);
    ErasureException e = assertThrows(ErasureException.class, builder::finish);
    assertEquals(ErasureError.INVALID_ARGUMENT, e.error());
    assertThrows(ErasureException.class, () -> new MerkleProofBuilder(-1));
  }

  @Test
  void proofRecordValidatesItsShapeAndIsImmutable() {
    Sha256Hash h = MerkleTree.EMPTY_ROOT;
    assertThrows(IllegalArgumentException.class, () -> new MerkleProof(0, 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MerkleProof(2, 2, List.of(h)));
    assertThrows(IllegalArgumentException.class, () -> new MerkleProof(0, 2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MerkleProof(0, 2, List.of(h, h)));
    List<Sha256Hash> siblings = new ArrayList<>(List.of(h));
    MerkleProof proof = new MerkleProof(0, 2, siblings);
    siblings.clear();
    assertEquals(1, proof.siblings().size());
    assertThrows(UnsupportedOperationException.class, () -> proof.siblings().clear());
  }

  @Test
  void proofLengthSkipsPromotedLevels() {
    assertEquals(0, MerkleTree.proofLength(0, 1));
    assertEquals(1, MerkleTree.proofLength(4, 5)); // promoted twice, then paired with leaves 0-3
    assertEquals(3, MerkleTree.proofLength(0, 5));
    assertEquals(3, MerkleTree.proofLength(7, 8));
  }

  @Test
  void hashValueRoundTripsThroughHexAndCopiesItsBytes() {
    byte[] bytes = NaiveMerkle.sha256(new byte[] {1, 2, 3});
    Sha256Hash hash = Sha256Hash.of(bytes);
    bytes[0] ^= 1;
    assertEquals(hash, Sha256Hash.fromHex(hash.toHex()));
    assertFalse(Arrays.equals(bytes, hash.toByteArray()));
    assertThrows(IllegalArgumentException.class, () -> Sha256Hash.of(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Sha256Hash.fromHex("00"));
  }

  private static Sha256Hash flip(Sha256Hash hash, int bit) {
    byte[] bytes = hash.toByteArray();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return Sha256Hash.of(bytes);
  }

  private static byte[] leafOf(byte[] shard, int leaf) {
    int from = leaf * LEAF;
    return Arrays.copyOfRange(shard, from, Math.min(shard.length, from + LEAF));
  }
}
