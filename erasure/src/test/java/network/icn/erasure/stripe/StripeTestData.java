package network.icn.erasure.stripe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import network.icn.erasure.ErasureScheme;

/** Data and feeding helpers for the stripe tests. */
final class StripeTestData {

  /** A small scheme so tests cover many stripes quickly: C = 4 KiB, stripe = 16 KiB. */
  static final ErasureScheme SMALL = ErasureScheme.parse("rs-4-2-4k");

  private StripeTestData() {}

  static byte[] random(SplittableRandom random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  /**
   * Writes {@code data} to the encoder in random piece sizes (from 1 byte to several stripes),
   * alternating byte arrays, heap, direct and read-only buffers.
   */
  static void feedInRandomPieces(StripeEncoder encoder, byte[] data, SplittableRandom random) {
    int stripe = (int) Math.min(Integer.MAX_VALUE / 4, SMALL.stripeDataSize());
    int offset = 0;
    while (offset < data.length) {
      int n =
          switch (random.nextInt(5)) {
            case 0 -> 1;
            case 1 -> 1 + random.nextInt(64);
            case 2 -> 1 + random.nextInt(5000);
            case 3 -> 1 + random.nextInt(3 * stripe);
            default -> 1 + random.nextInt(100_000);
          };
      n = Math.min(n, data.length - offset);
      switch (random.nextInt(4)) {
        case 0 -> encoder.write(data, offset, n);
        case 1 -> {
          ByteBuffer heap = ByteBuffer.wrap(data, offset, n);
          encoder.write(heap);
          if (heap.hasRemaining()) {
            throw new AssertionError("write must consume the buffer");
          }
        }
        case 2 ->
            encoder.write(
                ByteBuffer.allocateDirect(n)
                    .put(Arrays.copyOfRange(data, offset, offset + n))
                    .flip());
        default -> encoder.write(ByteBuffer.wrap(data, offset, n).asReadOnlyBuffer());
      }
      offset += n;
    }
  }
}
