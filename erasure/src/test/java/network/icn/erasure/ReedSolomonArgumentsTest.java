package network.icn.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReedSolomonArgumentsTest {

  private final ReedSolomon rs = ReedSolomon.create(4, 2);

  private static void assertError(ErasureError error, String fragment, Executable call) {
    ErasureException e = assertThrows(ErasureException.class, call);
    assertEquals(error, e.error(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "'");
  }

  @ParameterizedTest
  @CsvSource({"0,1", "1,0", "-1,2", "200,57", "256,1", "1,256"})
  void rejectsShardCountsOutOfRangeAsInvalidScheme(int k, int m) {
    assertError(ErasureError.INVALID_SCHEME, "", () -> ReedSolomon.create(k, m));
    assertError(ErasureError.INVALID_SCHEME, "", () -> ReedSolomon.scalar(k, m));
  }

  @Test
  void acceptsTheLargestCode() {
    ReedSolomon big = ReedSolomon.create(128, 128);
    assertEquals(256, big.totalShards());
    assertEquals(128, big.dataShards());
    assertEquals(128, big.parityShards());
    assertEquals(255, ReedSolomon.scalar(255, 1).dataShards());
  }

  @Test
  void reportsItsImplementation() {
    assertEquals("scalar", ReedSolomon.scalar(4, 2).implementation());
    assertTrue(rs.implementation().equals("scalar") || rs.implementation().startsWith("vector-"));
  }

  @Test
  void rejectsNullAndWrongShardCounts() {
    assertError(
        ErasureError.INVALID_ARGUMENT, "null", () -> rs.encodeParity((byte[][]) null, 0, 1));
    assertError(
        ErasureError.INVALID_ARGUMENT, "null", () -> rs.encodeParity((ByteBuffer[]) null, 0, 1));
    assertError(
        ErasureError.INVALID_ARGUMENT,
        "expected 6 shards, got 5",
        () -> rs.encodeParity(new byte[5][8], 0, 8));
    byte[][] withNull = new byte[6][8];
    withNull[2] = null;
    assertError(
        ErasureError.INVALID_ARGUMENT, "shard 2 is null", () -> rs.encodeParity(withNull, 0, 8));
  }

  @Test
  void rejectsShardsOfUnequalSize() {
    byte[][] shards = new byte[6][8];
    shards[4] = new byte[9];
    assertError(
        ErasureError.INVALID_ARGUMENT, "shard 4 has 9", () -> rs.encodeParity(shards, 0, 8));
    ByteBuffer[] buffers = Shards.toBuffers(new byte[6][8]);
    buffers[1] = ByteBuffer.allocateDirect(7);
    assertError(
        ErasureError.INVALID_ARGUMENT, "shard 1 has 7", () -> rs.isParityCorrect(buffers, 0, 7));
  }

  @ParameterizedTest
  @CsvSource({"-1,4", "0,-1", "0,9", "8,1", "5,4", "2147483647,2"})
  void rejectsRangesOutsideTheShards(int offset, int length) {
    assertError(
        ErasureError.INVALID_ARGUMENT,
        "does not fit",
        () -> rs.encodeParity(new byte[6][8], offset, length));
    assertError(
        ErasureError.INVALID_ARGUMENT,
        "does not fit",
        () -> rs.encodeParity(Shards.toBuffers(new byte[6][8], true), offset, length));
  }

  @Test
  void acceptsEmptyRangesAtTheEnd() {
    byte[][] shards = new byte[6][8];
    rs.encodeParity(shards, 8, 0);
    assertTrue(rs.isParityCorrect(shards, 8, 0));
    rs.encodeParity(new byte[6][0], 0, 0);
  }

  @Test
  void rejectsBadPresentArrays() {
    byte[][] shards = new byte[6][8];
    assertError(
        ErasureError.INVALID_ARGUMENT, "present", () -> rs.decodeMissing(shards, null, 0, 8));
    assertError(
        ErasureError.INVALID_ARGUMENT,
        "expected 6 present flags, got 5",
        () -> rs.decodeMissingData(shards, new boolean[5], 0, 8));
  }

  @Test
  void rejectsReadOnlyBuffersThatMustBeWritten() {
    ByteBuffer[] buffers = Shards.toBuffers(new byte[6][8]);
    buffers[5] = buffers[5].asReadOnlyBuffer();
    assertError(ErasureError.INVALID_ARGUMENT, "read-only", () -> rs.encodeParity(buffers, 0, 8));
    boolean[] present = new boolean[6];
    Arrays.fill(present, true);
    present[5] = false;
    assertError(
        ErasureError.INVALID_ARGUMENT, "read-only", () -> rs.decodeMissing(buffers, present, 0, 8));
    // decodeMissingData does not write parity, so a read-only lost parity buffer is fine.
    rs.decodeMissingData(buffers, present, 0, 8);
  }

  @Test
  void leavesBufferPositionAndLimitAlone() {
    ByteBuffer[] buffers = Shards.toBuffers(new byte[6][64], true, false);
    for (ByteBuffer b : buffers) {
      b.position(5).limit(9);
    }
    rs.encodeParity(buffers, 0, 64);
    assertTrue(rs.isParityCorrect(buffers, 0, 64));
    boolean[] present = {false, true, true, true, true, false};
    rs.decodeMissing(buffers, present, 0, 64);
    for (ByteBuffer b : buffers) {
      assertEquals(5, b.position());
      assertEquals(9, b.limit());
    }
  }
}
