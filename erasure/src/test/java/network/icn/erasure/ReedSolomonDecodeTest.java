package network.icn.erasure;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReedSolomonDecodeTest {

  private static final byte GARBAGE = (byte) 0xA5;

  static Stream<Arguments> smallSchemes() {
    List<Arguments> out = new ArrayList<>();
    for (int[] km : new int[][] {{4, 2}, {6, 3}, {8, 4}}) {
      out.add(Arguments.of(km[0], km[1], "scalar"));
      out.add(Arguments.of(km[0], km[1], "best"));
    }
    return out.stream();
  }

  private static ReedSolomon codec(String impl, int k, int m) {
    return "scalar".equals(impl) ? ReedSolomon.scalar(k, m) : ReedSolomon.create(k, m);
  }

  private static byte[][] encoded(ReedSolomon rs, SplittableRandom rng, int length) {
    byte[][] shards = Shards.random(rng, rs.totalShards(), length);
    rs.encodeParity(shards, 0, length);
    return shards;
  }

  /** All subsets of {0..n-1} with exactly size elements, as present-flag arrays (false = lost). */
  private static List<boolean[]> patternsWithMissing(int n, int missing) {
    List<boolean[]> out = new ArrayList<>();
    collect(n, missing, 0, new boolean[n], out);
    return out;
  }

  private static void collect(int n, int missing, int from, boolean[] lost, List<boolean[]> out) {
    if (missing == 0) {
      boolean[] present = new boolean[n];
      for (int i = 0; i < n; i++) {
        present[i] = !lost[i];
      }
      out.add(present);
      return;
    }
    for (int i = from; i <= n - missing; i++) {
      lost[i] = true;
      collect(n, missing - 1, i + 1, lost, out);
      lost[i] = false;
    }
  }

  private static byte[][] erase(byte[][] shards, boolean[] present) {
    byte[][] damaged = Shards.copy(shards);
    for (int i = 0; i < present.length; i++) {
      if (!present[i]) {
        Arrays.fill(damaged[i], GARBAGE);
      }
    }
    return damaged;
  }

  @ParameterizedTest
  @MethodSource("smallSchemes")
  void decodeMissingRebuildsEveryPatternOfUpToMLostShards(int k, int m, String impl) {
    ReedSolomon rs = codec(impl, k, m);
    byte[][] original = encoded(rs, new SplittableRandom(k * 31L + m), 67);
    int patterns = 0;
    for (int missing = 0; missing <= m; missing++) {
      for (boolean[] present : patternsWithMissing(k + m, missing)) {
        byte[][] damaged = erase(original, present);
        rs.decodeMissing(damaged, present, 0, 67);
        assertArrayEquals(original, damaged, "pattern " + Arrays.toString(present));

        ByteBuffer[] buffers = Shards.toBuffers(erase(original, present), true, false, false);
        rs.decodeMissing(buffers, present, 0, 67);
        assertArrayEquals(
            original, Shards.toArrays(buffers), "buffers " + Arrays.toString(present));
        patterns++;
      }
    }
    assertTrue(patterns > k + m);
  }

  @ParameterizedTest
  @MethodSource("smallSchemes")
  void decodeMissingDataRebuildsDataAndLeavesParityUntouched(int k, int m, String impl) {
    ReedSolomon rs = codec(impl, k, m);
    byte[][] original = encoded(rs, new SplittableRandom(k * 77L + m), 45);
    for (int missing = 1; missing <= m; missing++) {
      for (boolean[] present : patternsWithMissing(k + m, missing)) {
        byte[][] damaged = erase(original, present);
        rs.decodeMissingData(damaged, present, 3, 40);
        ByteBuffer[] buffers = Shards.toBuffers(erase(original, present), false, true);
        rs.decodeMissingData(buffers, present, 3, 40);
        byte[][] fromBuffers = Shards.toArrays(buffers);
        for (int i = 0; i < k + m; i++) {
          for (byte[] actual : new byte[][] {damaged[i], fromBuffers[i]}) {
            if (i < k || present[i]) {
              byte[] expected = original[i].clone();
              if (!present[i]) {
                Arrays.fill(expected, 0, 3, GARBAGE); // outside the range: untouched
                Arrays.fill(expected, 43, 45, GARBAGE);
              }
              assertArrayEquals(expected, actual, "shard " + i + " " + Arrays.toString(present));
            } else {
              byte[] untouched = new byte[45];
              Arrays.fill(untouched, GARBAGE);
              assertArrayEquals(untouched, actual, "lost parity " + i + " must stay untouched");
            }
          }
        }
      }
    }
  }

  @Test
  void decodesRandomPatternsFor16Plus4And20Plus10() {
    SplittableRandom rng = new SplittableRandom(2024);
    for (int[] km : new int[][] {{16, 4}, {20, 10}}) {
      for (ReedSolomon rs :
          new ReedSolomon[] {ReedSolomon.scalar(km[0], km[1]), ReedSolomon.create(km[0], km[1])}) {
        int n = rs.totalShards();
        byte[][] original = encoded(rs, rng, 1000);
        for (int trial = 0; trial < 60; trial++) {
          boolean[] present = new boolean[n];
          Arrays.fill(present, true);
          int lose = rng.nextInt(rs.parityShards() + 1);
          for (int lost = 0; lost < lose; ) {
            int i = rng.nextInt(n);
            if (present[i]) {
              present[i] = false;
              lost++;
            }
          }
          byte[][] damaged = erase(original, present);
          rs.decodeMissing(damaged, present, 0, 1000);
          assertArrayEquals(original, damaged, rs + " " + Arrays.toString(present));
          ByteBuffer[] buffers = Shards.toBuffers(erase(original, present), true);
          rs.decodeMissingData(buffers, present, 0, 1000);
          byte[][] back = Shards.toArrays(buffers);
          for (int i = 0; i < rs.dataShards(); i++) {
            assertArrayEquals(original[i], back[i], rs + " data shard " + i);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("smallSchemes")
  void moreThanMLostShardsFailsWithNotEnoughShards(int k, int m, String impl) {
    ReedSolomon rs = codec(impl, k, m);
    byte[][] shards = encoded(rs, new SplittableRandom(5), 16);
    for (boolean[] present : patternsWithMissing(k + m, m + 1)) {
      ErasureException e =
          assertThrows(ErasureException.class, () -> rs.decodeMissing(shards, present, 0, 16));
      assertEquals(ErasureError.NOT_ENOUGH_SHARDS, e.error());
      assertTrue(e.getMessage().contains((k - 1) + " of " + (k + m)), e.getMessage());
      ErasureException d =
          assertThrows(
              ErasureException.class,
              () -> rs.decodeMissingData(Shards.toBuffers(shards), present, 0, 16));
      assertEquals(ErasureError.NOT_ENOUGH_SHARDS, d.error());
    }
  }

  @ParameterizedTest
  @MethodSource("smallSchemes")
  void isParityCorrectDetectsAnySingleFlippedByte(int k, int m, String impl) {
    ReedSolomon rs = codec(impl, k, m);
    int length = 70;
    byte[][] shards = encoded(rs, new SplittableRandom(99), length);
    assertTrue(rs.isParityCorrect(shards, 0, length));
    assertTrue(rs.isParityCorrect(Shards.toBuffers(shards, true, false), 0, length));
    for (int i = 0; i < k + m; i++) {
      for (int p = 0; p < length; p++) {
        shards[i][p] ^= (byte) (1 << (p & 7));
        assertFalse(rs.isParityCorrect(shards, 0, length), "flip in shard " + i + " at " + p);
        if (p % 7 == 0) {
          assertFalse(rs.isParityCorrect(Shards.toBuffers(shards, p % 2 == 0), 0, length));
        }
        shards[i][p] ^= (byte) (1 << (p & 7));
      }
    }
    assertTrue(rs.isParityCorrect(shards, 0, length));
  }

  @Test
  void isParityCorrectOnlyLooksAtTheRange() {
    ReedSolomon rs = ReedSolomon.create(4, 2);
    byte[][] shards = encoded(rs, new SplittableRandom(3), 300);
    shards[5][10] ^= 1;
    shards[0][299] ^= 1;
    assertFalse(rs.isParityCorrect(shards, 0, 300));
    assertTrue(rs.isParityCorrect(shards, 11, 288));
  }

  @Test
  void decodeWithNothingMissingChangesNothing() {
    ReedSolomon rs = ReedSolomon.create(6, 3);
    byte[][] shards = encoded(rs, new SplittableRandom(8), 50);
    byte[][] before = Shards.copy(shards);
    boolean[] present = new boolean[9];
    Arrays.fill(present, true);
    rs.decodeMissing(shards, present, 0, 50);
    rs.decodeMissingData(shards, present, 0, 50);
    assertArrayEquals(before, shards);
  }

  @Test
  void decodeMatricesAreCachedPerPatternAndTheCacheIsBounded() {
    ReedSolomon rs = ReedSolomon.create(20, 10);
    byte[][] shards = encoded(rs, new SplittableRandom(1), 32);
    boolean[] present = new boolean[30];
    Arrays.fill(present, true);
    present[3] = false;
    rs.decodeMissing(shards, present, 0, 32);
    rs.decodeMissingData(shards, present, 0, 32);
    assertEquals(1, rs.cachedDecodePlans());
    SplittableRandom rng = new SplittableRandom(4);
    for (int trial = 0; trial < 2000; trial++) {
      boolean[] p = new boolean[30];
      Arrays.fill(p, true);
      for (int j = 0; j < 10; j++) {
        p[rng.nextInt(30)] = false;
      }
      rs.decodeMissing(shards, p, 0, 32);
    }
    assertTrue(rs.cachedDecodePlans() <= 256, "cache holds " + rs.cachedDecodePlans());
  }

  @Test
  void oneDataAndOneParityShardWork() {
    for (ReedSolomon rs : new ReedSolomon[] {ReedSolomon.scalar(1, 1), ReedSolomon.create(1, 1)}) {
      byte[][] shards = {{1, 2, 3, (byte) 200}, new byte[4]};
      rs.encodeParity(shards, 0, 4);
      assertArrayEquals(shards[0], shards[1], "1+1 is mirroring");
      byte[][] lost = {new byte[4], shards[1].clone()};
      rs.decodeMissing(lost, new boolean[] {false, true}, 0, 4);
      assertArrayEquals(shards[0], lost[0]);
    }
  }
}
