package network.icn.conformance.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Object bodies generated once before any phase: a few distinct random (incompressible) payloads
 * per size, each with its CRC32C so GETs can be checked without keeping their bodies.
 */
final class Payloads {
  private final Map<Integer, byte[][]> bodies = new HashMap<>();
  private final Map<Integer, long[]> crcs = new HashMap<>();
  private final SplittableRandom random;

  Payloads(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Generates {@code count} payloads of {@code size} bytes (once per size). Not thread-safe: call
   * before the phases start.
   */
  void generate(int size, int count) {
    if (bodies.containsKey(size)) {
      return;
    }
    byte[][] b = new byte[count][];
    long[] c = new long[count];
    for (int i = 0; i < count; i++) {
      b[i] = new byte[size];
      random.nextBytes(b[i]);
      CRC32C crc = new CRC32C();
      crc.update(b[i]);
      c[i] = crc.getValue();
    }
    bodies.put(size, b);
    crcs.put(size, c);
  }

  int count(int size) {
    return bodies.get(size).length;
  }

  /** The payload itself (shared, never modified). */
  byte[] bytes(int size, int index) {
    return bodies.get(size)[index];
  }

  long crc32c(int size, int index) {
    return crcs.get(size)[index];
  }
}
