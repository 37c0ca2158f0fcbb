package network.icn.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import network.icn.erasure.gf.Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property test: the Vector API codec is byte-identical to the scalar reference for random shapes,
 * lengths (around and off the vector width), offsets, and heap/direct buffers. Seeded, so a failure
 * reproduces.
 */
class VectorScalarEquivalenceTest {

  private static final int[] AWKWARD_LENGTHS = {
    0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 255, 256, 257, 1000, 4095,
    4096, 4097, 65_537
  };

  @BeforeAll
  static void vectorKernelIsUsableHere() {
    assumeTrue(
        Kernels.vector().isPresent(),
        "Vector API kernel unavailable: " + Kernels.vectorUnavailableReason());
  }

  @Test
  void createPicksTheVectorKernelWhenItIsUsable() {
    assertTrue(ReedSolomon.create(4, 2).implementation().startsWith("vector-"));
    assertEquals(
        ReedSolomon.create(8, 4).implementation(), ReedSolomon.vector(8, 4).implementation());
  }

  @ParameterizedTest
  @CsvSource({
    "1,1", "1,5", "2,1", "3,2", "4,2", "5,3", "6,3", "8,4", "10,4", "12,5", "16,4", "17,3", "20,10",
    "29,7", "64,9", "128,128", "200,56", "255,1"
  })
  void encodeMatchesScalarForAwkwardLengthsAndOffsets(int k, int m) {
    ReedSolomon scalar = ReedSolomon.scalar(k, m);
    ReedSolomon vector = ReedSolomon.vector(k, m);
    SplittableRandom rng = new SplittableRandom(k * 7919L + m);
    int[] lengths = k * m > 2000 ? new int[] {0, 1, 63, 64, 65, 300, 4097} : AWKWARD_LENGTHS;
    for (int length : lengths) {
      int offset = rng.nextInt(80);
      int size = offset + length + rng.nextInt(3);
      byte[][] expected = Shards.random(rng, k + m, size);
      byte[][] actual = Shards.copy(expected);
      scalar.encodeParity(expected, offset, length);
      vector.encodeParity(actual, offset, length);
      assertArrayEquals(expected, actual, k + "+" + m + " len " + length + " off " + offset);
      assertTrue(vector.isParityCorrect(actual, offset, length));

      ByteBuffer[] buffers =
          Shards.toBuffers(
              Shards.copy(Arrays.copyOf(expected, k + m)), rng.nextBoolean(), rng.nextBoolean());
      for (int j = k; j < k + m; j++) {
        buffers[j].put(offset, new byte[length]); // wipe parity in range
      }
      vector.encodeParity(buffers, offset, length);
      assertArrayEquals(expected, Shards.toArrays(buffers), "buffers len " + length);
      assertTrue(vector.isParityCorrect(buffers, offset, length));
      if (length > 0) {
        int shard = rng.nextInt(k + m);
        int at = offset + rng.nextInt(length);
        buffers[shard].put(at, (byte) (buffers[shard].get(at) ^ 0x40));
        assertFalse(vector.isParityCorrect(buffers, offset, length), "flip " + shard + "@" + at);
        actual[shard][at] ^= 0x40;
        assertFalse(vector.isParityCorrect(actual, offset, length));
      }
    }
  }

  @Test
  void encodeMatchesScalarOnRandomShapesUpToHundredsOfKibibytes() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int trial = 0; trial < 40; trial++) {
      int k = 1 + rng.nextInt(trial % 4 == 0 ? 40 : 12);
      int m = 1 + rng.nextInt(Math.min(12, 256 - k));
      int length = trial % 5 == 0 ? rng.nextInt(400 << 10) : rng.nextInt(5000);
      int offset = rng.nextInt(130);
      byte[][] expected = Shards.random(rng, k + m, offset + length);
      boolean direct = rng.nextBoolean();
      boolean mixed = rng.nextBoolean();
      ByteBuffer[] buffers = Shards.toBuffers(expected, direct, mixed != direct);
      byte[][] arrays = Shards.copy(expected);
      ReedSolomon.scalar(k, m).encodeParity(expected, offset, length);
      ReedSolomon vector = ReedSolomon.vector(k, m);
      vector.encodeParity(arrays, offset, length);
      vector.encodeParity(buffers, offset, length);
      String what = k + "+" + m + " len " + length + " off " + offset;
      assertArrayEquals(expected, arrays, what);
      assertArrayEquals(expected, Shards.toArrays(buffers), what + " buffers");
    }
  }

  @Test
  void decodeMatchesScalarOnRandomPatterns() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 60; trial++) {
      int k = 1 + rng.nextInt(24);
      int m = 1 + rng.nextInt(10);
      int n = k + m;
      int length = rng.nextInt(3) == 0 ? rng.nextInt(70) : rng.nextInt(9000);
      byte[][] original = Shards.random(rng, n, length);
      ReedSolomon.scalar(k, m).encodeParity(original, 0, length);
      boolean[] present = new boolean[n];
      Arrays.fill(present, true);
      int lose = 1 + rng.nextInt(m);
      for (int lost = 0; lost < lose; ) {
        int i = rng.nextInt(n);
        if (present[i]) {
          present[i] = false;
          lost++;
        }
      }
      byte[][] damaged = Shards.copy(original);
      for (int i = 0; i < n; i++) {
        if (!present[i]) {
          rng.nextBytes(damaged[i]);
        }
      }
      ReedSolomon vector = ReedSolomon.vector(k, m);
      byte[][] arrays = Shards.copy(damaged);
      vector.decodeMissing(arrays, present, 0, length);
      assertArrayEquals(original, arrays, k + "+" + m + " " + Arrays.toString(present));
      ByteBuffer[] buffers = Shards.toBuffers(damaged, rng.nextBoolean(), rng.nextBoolean());
      vector.decodeMissingData(buffers, present, 0, length);
      byte[][] back = Shards.toArrays(buffers);
      for (int i = 0; i < n; i++) {
        assertArrayEquals(i < k ? original[i] : damaged[i], back[i], "shard " + i);
      }
    }
  }

  /** The stripe layer's shape: every shard a slice of one big heap buffer, at its own offset. */
  @Test
  void heapBufferSlicesAtDifferentArrayOffsetsMatchScalar() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int[] km : new int[][] {{4, 2}, {8, 4}, {10, 4}, {3, 7}}) {
      int k = km[0];
      int m = km[1];
      for (int length : new int[] {100, 128, 4096, 70_001}) {
        int gap = 1 + rng.nextInt(50);
        int stride = length + gap;
        ByteBuffer big = ByteBuffer.allocate(3 + (k + m) * stride);
        byte[] noise = new byte[big.capacity()];
        rng.nextBytes(noise);
        big.put(0, noise);
        ByteBuffer[] shards = new ByteBuffer[k + m];
        byte[][] expected = new byte[k + m][length];
        for (int i = 0; i < k + m; i++) {
          shards[i] = big.slice(3 + i * stride, length);
          shards[i].get(0, expected[i]);
        }
        ReedSolomon.scalar(k, m).encodeParity(expected, 0, length);
        ReedSolomon vector = ReedSolomon.vector(k, m);
        vector.encodeParity(shards, 0, length);
        assertArrayEquals(expected, Shards.toArrays(shards), k + "+" + m + " len " + length);
        for (int g = 0; g < gap; g++) {
          for (int i = 0; i < k + m; i++) {
            int at = 3 + i * stride + length + g;
            assertEquals(noise[at], big.get(at), "byte between slices changed at " + at);
          }
        }
        assertTrue(vector.isParityCorrect(shards, 0, length));

        // Read-only heap inputs do not expose their array: the segment path must match too.
        ByteBuffer[] readOnly = shards.clone();
        for (int i = 0; i < k; i++) {
          readOnly[i] = shards[i].asReadOnlyBuffer();
        }
        boolean[] present = new boolean[k + m];
        Arrays.fill(present, true);
        present[k] = false;
        readOnly[k].put(0, new byte[length]);
        vector.decodeMissing(readOnly, present, 0, length);
        assertArrayEquals(expected[k], Shards.toArrays(readOnly)[k], "rebuilt parity " + k);
      }
    }
  }

  /**
   * Direct buffers: slices of one allocation at odd offsets (the absolute-address path must write
   * exactly its range), read-only direct inputs, and arena-backed buffers (the checked path).
   */
  @Test
  void directSlicesReadOnlyDirectAndArenaBuffersMatchScalar() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int[] km : new int[][] {{4, 2}, {8, 4}, {10, 4}, {3, 7}, {6, 9}}) {
      int k = km[0];
      int m = km[1];
      for (int length : new int[] {1, 127, 128, 129, 4096, 70_001}) {
        int gap = 1 + rng.nextInt(70);
        int stride = length + gap;
        ByteBuffer big = ByteBuffer.allocateDirect(5 + (k + m) * stride);
        byte[] noise = new byte[big.capacity()];
        rng.nextBytes(noise);
        big.put(0, noise);
        ByteBuffer[] shards = new ByteBuffer[k + m];
        byte[][] expected = new byte[k + m][length];
        for (int i = 0; i < k + m; i++) {
          shards[i] = big.slice(5 + i * stride, length);
          shards[i].get(0, expected[i]);
        }
        ReedSolomon.scalar(k, m).encodeParity(expected, 0, length);
        ReedSolomon vector = ReedSolomon.vector(k, m);
        String what = k + "+" + m + " len " + length;
        ByteBuffer[] readOnlyData = shards.clone();
        for (int i = 0; i < k; i++) {
          readOnlyData[i] = shards[i].asReadOnlyBuffer();
        }
        vector.encodeParity(readOnlyData, 0, length);
        assertArrayEquals(expected, Shards.toArrays(shards), what);
        for (int i = 0; i < k + m; i++) {
          for (int g = 0; g < gap; g++) {
            int at = 5 + i * stride + length + g;
            assertEquals(noise[at], big.get(at), "byte between slices changed at " + at);
          }
        }
        assertEquals(noise[0], big.get(0));
        assertTrue(vector.isParityCorrect(shards, 0, length));

        try (Arena arena = Arena.ofConfined()) {
          ByteBuffer[] arenaShards = new ByteBuffer[k + m];
          for (int i = 0; i < k + m; i++) {
            arenaShards[i] = arena.allocate(length).asByteBuffer();
            arenaShards[i].put(0, i < k ? expected[i] : new byte[length]);
          }
          vector.encodeParity(arenaShards, 0, length);
          assertArrayEquals(expected, Shards.toArrays(arenaShards), what + " arena");
        }
      }
    }
  }
}
