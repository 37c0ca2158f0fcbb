package network.icn.erasure.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerkleTreeBuilderTest {

  private static final int LEAF = MerkleTree.LEAF_SIZE;

  /** The published vectors (README "Merkle trees"): input byte i = i mod 251. */
  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource({
    "0,     6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "1,     96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "4096,  c46b7e9f32bd7ac69139854bf809012fd58ea09765b26f84425175557b080a31",
    "4097,  20d6edb4716923f423bc8d5ffbe4e0caff847f4f8edf46308de4ee9654f0f663",
    "12288, 58d1f0c431a48972bd53f5c2e625fe7553ef83b4426dcec13d892b84914403d2",
    "20480, 71a7337c152eb8dd2a526cbcf521a17ad5797b1fc4067e389ccc25f1df23cda9",
    "16484, c6e16400705894525cb34e88d3f884bfa192d1651e7aee8d92c6a43e274276b1",
    "1048576, dd86fea0cfb5c728a78ae84890d769e5e0264032579f7bfe4ec79a1c250857f0"
  })
  void rootsMatchThePublishedTestVectors(int size, String expectedHex) {
    byte[] shard = pattern(size);
    assertEquals(expectedHex, MerkleTree.root(shard).toHex());
    assertEquals(expectedHex, MerkleTree.root(ByteBuffer.wrap(shard)).toHex());
    assertEquals(expectedHex, MerkleTree.root(direct(shard)).toHex());
    assertEquals(expectedHex, HexFormat.of().formatHex(NaiveMerkle.root(shard)));
  }

  @Test
  void emptyShardRootIsTheHashOfOneEmptyLeaf() {
    assertEquals(Sha256Hash.of(NaiveMerkle.sha256(new byte[] {0x00})), MerkleTree.EMPTY_ROOT);
    assertEquals(MerkleTree.EMPTY_ROOT, new MerkleTreeBuilder().finish());
    assertEquals(1, MerkleTree.leafCount(0));
  }

  @Test
  void streamingRootEqualsLevelByLevelRootForEveryLeafCountUpTo70AndRaggedTails() {
    SplittableRandom random = new SplittableRandom(42);
    int[] tails = {0, 1, 100, LEAF - 1};
    for (int leaves = 0; leaves <= 70; leaves++) {
      for (int tail : tails) {
        int size = leaves * LEAF + tail;
        byte[] shard = randomBytes(random, size);
        byte[] expected = NaiveMerkle.root(shard);
        assertArrayEquals(expected, feedInRandomPieces(shard, random, false), "size " + size);
        assertArrayEquals(expected, feedInRandomPieces(shard, random, true), "size " + size);
      }
    }
  }

  @Test
  void streamingRootEqualsLevelByLevelRootForLargeOddLeafCounts() {
    SplittableRandom random = new SplittableRandom(7);
    for (int leaves : new int[] {127, 128, 129, 255, 257, 511, 1000, 1025}) {
      byte[] shard = randomBytes(random, leaves * LEAF - 17);
      assertArrayEquals(
          NaiveMerkle.root(shard), feedInRandomPieces(shard, random, true), "leaves " + leaves);
    }
  }

  @Test
  void feedingOneByteAtATimeGivesTheSameRoot() {
    byte[] shard = pattern(3 * LEAF + 5);
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    for (byte b : shard) {
      builder.update(new byte[] {b});
    }
    assertEquals(MerkleTree.root(shard), builder.finish());
  }

  @Test
  void byteBufferUpdateConsumesTheBufferAndKeepsItsLimit() {
    byte[] shard = pattern(10_000);
    for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.wrap(shard), direct(shard)}) {
      buffer.position(10).limit(9_000);
      MerkleTreeBuilder builder = new MerkleTreeBuilder().update(buffer);
      assertEquals(9_000, buffer.position());
      assertEquals(9_000, buffer.limit());
      assertEquals(8_990, builder.size());
      byte[] expected = Arrays.copyOfRange(shard, 10, 9_000);
      assertEquals(MerkleTree.root(expected), builder.finish());
    }
  }

  @Test
  void readOnlyBuffersHashLikeWritableOnes() {
    byte[] shard = pattern(3 * LEAF + 1);
    assertEquals(
        MerkleTree.root(shard),
        new MerkleTreeBuilder().update(ByteBuffer.wrap(shard).asReadOnlyBuffer()).finish());
    assertEquals(
        MerkleTree.root(shard),
        new MerkleTreeBuilder().update(direct(shard).asReadOnlyBuffer()).finish());
  }

  @Test
  void inMemoryRootLeavesTheCallersPositionAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(pattern(5000));
    MerkleTree.root(buffer);
    assertEquals(0, buffer.position());
    assertEquals(5000, buffer.limit());
  }

  @Test
  void resetMakesTheBuilderReusableForTheNextShard() {
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    builder.update(pattern(9000));
    builder.finish();
    builder.reset();
    byte[] next = pattern(4097);
    assertEquals(MerkleTree.root(next), builder.update(next).finish());
    builder.reset();
    assertEquals(MerkleTree.EMPTY_ROOT, builder.finish());
  }

  @Test
  void updateAfterFinishIsRefused() {
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    builder.finish();
    assertThrows(IllegalStateException.class, () -> builder.update(new byte[1]));
    assertThrows(IllegalStateException.class, builder::finish);
  }

  @Test
  void theHotPathAllocatesNothingPerLeaf() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] piece = pattern(1000);
    ByteBuffer direct = direct(piece);
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    for (int warm = 0; warm < 3; warm++) {
      builder.reset();
      feed(builder, piece, direct, 2_000);
    }
    builder.reset();
    long before = threads.getCurrentThreadAllocatedBytes();
    feed(builder, piece, direct, 16_000); // 16 MB, ~3900 leaves, heap and direct pieces
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 16 * 1024, "allocated " + allocated + " bytes for ~3900 leaves");
  }

  private static void feed(MerkleTreeBuilder builder, byte[] piece, ByteBuffer direct, int n) {
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        builder.update(piece, 0, piece.length);
      } else {
        builder.update(direct.clear());
      }
    }
  }

  @Test
  void leafCountIsCeilOfSizeOverLeafSizeAndAtLeastOne() {
    assertEquals(
        LongStream.of(1, 1, 1, 2, 2, 3, 256).boxed().toList(),
        LongStream.of(0, 1, 4096, 4097, 8192, 8193, 1 << 20)
            .map(MerkleTree::leafCount)
            .boxed()
            .toList());
  }

  static byte[] feedInRandomPieces(byte[] shard, SplittableRandom random, boolean buffers) {
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    int offset = 0;
    while (offset < shard.length) {
      int n = Math.min(shard.length - offset, pieceSize(random));
      if (buffers) {
        ByteBuffer piece =
            random.nextBoolean()
                ? ByteBuffer.wrap(shard, offset, n)
                : direct(Arrays.copyOfRange(shard, offset, offset + n));
        builder.update(piece);
      } else {
        builder.update(shard, offset, n);
      }
      offset += n;
    }
    assertEquals(shard.length, builder.size());
    return builder.finish().toByteArray();
  }

  static int pieceSize(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(16);
      case 1 -> 1 + random.nextInt(LEAF + 1);
      case 2 -> LEAF;
      default -> 1 + random.nextInt(5 * LEAF);
    };
  }

  static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i % 251);
    }
    return bytes;
  }

  static byte[] randomBytes(SplittableRandom random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }
}
