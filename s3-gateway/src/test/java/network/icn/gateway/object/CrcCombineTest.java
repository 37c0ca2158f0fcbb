package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrcCombineTest {
  private static long crc(ChecksumAlgorithm algorithm, byte[] data, int from, int to) {
    ChecksumAlgorithm.Running running = algorithm.start();
    running.update(ByteBuffer.wrap(data, from, to - from));
    long value = 0;
    for (byte b : running.finish()) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  @ParameterizedTest
  @EnumSource(
      value = ChecksumAlgorithm.class,
      names = {"CRC32", "CRC32C", "CRC64NVME"})
  void combinedCrcOfTwoPiecesEqualsTheCrcOfTheirConcatenation(ChecksumAlgorithm algorithm) {
    CrcCombine combine = CrcCombine.of(algorithm);
    SplittableRandom random = new SplittableRandom(11);
    byte[] data = new byte[70_000];
    random.nextBytes(data);
    int[] cuts = {0, 1, 7, 8, 4096, 33_333, 69_999, 70_000};
    for (int cut : cuts) {
      long a = crc(algorithm, data, 0, cut);
      long b = crc(algorithm, data, cut, data.length);
      assertEquals(
          crc(algorithm, data, 0, data.length),
          combine.combine(a, b, data.length - cut),
          algorithm + " cut at " + cut);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ChecksumAlgorithm.class,
      names = {"CRC32", "CRC32C", "CRC64NVME"})
  void foldingManyPiecesFromZeroEqualsTheWholeCrc(ChecksumAlgorithm algorithm) {
    CrcCombine combine = CrcCombine.of(algorithm);
    SplittableRandom random = new SplittableRandom(12);
    byte[] data = new byte[50_000];
    random.nextBytes(data);
    long folded = 0;
    int at = 0;
    while (at < data.length) {
      int next = Math.min(data.length, at + 1 + random.nextInt(9_000));
      folded = combine.combine(folded, crc(algorithm, data, at, next), next - at);
      at = next;
    }
    assertEquals(crc(algorithm, data, 0, data.length), folded);
  }
}
