package network.icn.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import network.icn.erasure.gf.GfMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers proving the parity is byte-identical to Backblaze JavaReedSolomon's: literal
 * vectors, and the independent {@link ReferenceCodec} built from the definition of the code.
 */
class ReedSolomonCompatibilityTest {

  private static ReedSolomon codec(String impl, int k, int m) {
    return "scalar".equals(impl) ? ReedSolomon.scalar(k, m) : ReedSolomon.create(k, m);
  }

  /**
   * The 5+5 vector published in JavaReedSolomon's own test suite (testOneEncode): data shards
   * {0,1},{4,5},{2,3},{6,7},{8,9} give parity {12,13},{10,11},{14,15},{90,91},{94,95}. Our
   * independent ReferenceCodec reproduces it too, which anchors that model to Backblaze.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "best"})
  void encodesTheVectorPublishedByJavaReedSolomon(String impl) {
    byte[][] shards = {
      {0, 1}, {4, 5}, {2, 3}, {6, 7}, {8, 9}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}
    };
    codec(impl, 5, 5).encodeParity(shards, 0, 2);
    assertArrayEquals(new byte[] {12, 13}, shards[5]);
    assertArrayEquals(new byte[] {10, 11}, shards[6]);
    assertArrayEquals(new byte[] {14, 15}, shards[7]);
    assertArrayEquals(new byte[] {90, 91}, shards[8]);
    assertArrayEquals(new byte[] {94, 95}, shards[9]);
    byte[][] data = {{0, 1}, {4, 5}, {2, 3}, {6, 7}, {8, 9}};
    assertArrayEquals(new byte[] {90, 91}, ReferenceCodec.parity(data, 5)[3]);
  }

  /** data[i][p] = (x*x + 7) mod 256 with x = i * length + p. */
  private static byte[][] squares(int k, int m, int length) {
    byte[][] shards = new byte[k + m][length];
    for (int i = 0; i < k; i++) {
      for (int p = 0; p < length; p++) {
        int x = i * length + p;
        shards[i][p] = (byte) (x * x + 7);
      }
    }
    return shards;
  }

  /**
   * Literal parity for 4+2 over 16-byte shards of {@link #squares}. Derived by running
   * ReferenceCodec (shift-and-add GF products, matrix from the definition), whose model is anchored
   * to JavaReedSolomon by the published 5+5 vector above.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "best"})
  void encodesPinnedParityFor4Plus2(String impl) {
    byte[][] shards = squares(4, 2, 16);
    codec(impl, 4, 2).encodeParity(shards, 0, 16);
    assertArrayEquals(
        new byte[] {7, -120, 22, 95, 99, 60, 66, -97, 71, -1, 2, -49, -29, -84, -42, 104},
        shards[4]);
    assertArrayEquals(
        new byte[] {7, -88, 86, 24, -29, -5, -126, -65, 71, -33, -62, -120, 99, 107, -106, 72},
        shards[5]);
  }

  /** Literal parity for 8+4 over 8-byte shards of {@link #squares}, derived as above. */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "best"})
  void encodesPinnedParityFor8Plus4(String impl) {
    byte[][] shards = squares(8, 4, 8);
    codec(impl, 8, 4).encodeParity(shards, 0, 8);
    assertArrayEquals(new byte[] {-128, -115, 67, -118, 58, 75, 78, 97}, shards[8]);
    assertArrayEquals(new byte[] {-64, 18, 29, 26, -70, -37, -112, 126}, shards[9]);
    assertArrayEquals(new byte[] {-128, -83, 16, 37, -70, 100, -99, 65}, shards[10]);
    assertArrayEquals(new byte[] {-64, 50, -50, -75, 58, -12, -61, 94}, shards[11]);
  }

  /** The 4+2 parity matrix rows, derived by ReferenceCodec.encodingMatrix(4, 2). */
  @org.junit.jupiter.api.Test
  void pinsTheParityRowsOf4Plus2() {
    GfMatrix enc = ReedSolomon.scalar(4, 2).encodingMatrix();
    int[][] expected = {{27, 28, 18, 20}, {28, 27, 20, 18}};
    for (int j = 0; j < 2; j++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(expected[j][c], enc.get(4 + j, c), "row " + (4 + j) + " col " + c);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "4,2", "5,5", "6,3", "8,4", "10,4", "16,4", "17,3", "20,10", "64,64"})
  void encodingMatrixHasIdentityOnTopAndMatchesTheDefinition(int k, int m) {
    GfMatrix enc = ReedSolomon.scalar(k, m).encodingMatrix();
    assertEquals(k + m, enc.rows());
    assertEquals(k, enc.cols());
    int[][] reference = ReferenceCodec.encodingMatrix(k, m);
    for (int r = 0; r < k + m; r++) {
      for (int c = 0; c < k; c++) {
        if (r < k) {
          assertEquals(r == c ? 1 : 0, enc.get(r, c), "identity at (" + r + ", " + c + ")");
        }
        assertEquals(reference[r][c], enc.get(r, c), "entry (" + r + ", " + c + ")");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1,1,1", "3,2,100", "4,2,257", "10,4,1000", "17,3,333", "32,8,64"})
  void parityMatchesTheIndependentModelOnRandomData(int k, int m, int length) {
    SplittableRandom rng = new SplittableRandom(k * 1000L + m);
    byte[][] data = Shards.random(rng, k, length);
    byte[][] expected = ReferenceCodec.parity(data, m);
    for (ReedSolomon rs : new ReedSolomon[] {ReedSolomon.scalar(k, m), ReedSolomon.create(k, m)}) {
      byte[][] shards = new byte[k + m][];
      for (int i = 0; i < k; i++) {
        shards[i] = data[i].clone();
      }
      for (int j = 0; j < m; j++) {
        shards[k + j] = new byte[length];
      }
      rs.encodeParity(shards, 0, length);
      for (int j = 0; j < m; j++) {
        assertArrayEquals(expected[j], shards[k + j], rs + " parity " + j);
      }
    }
  }
}
