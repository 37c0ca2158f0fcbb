package network.icn.erasure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import org.junit.jupiter.api.Test;

class ShardLayoutTest {

  private static final ErasureScheme RS_4_2_256K = ErasureScheme.DEFAULT;
  private static final int C = 256 << 10;
  private static final long S = 1 << 20;

  @Test
  void anEmptyObjectHasNoStripesAndEmptyShards() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 0);
    assertEquals(0, layout.stripeCount());
    assertEquals(0, layout.shardSize());
    assertEquals(new StripeSpan(0, 0, 0, 0), layout.span(0, 0));
  }

  @Test
  void oneByteIsOneStripeOfOneByteChunks() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 1);
    assertEquals(1, layout.stripeCount());
    assertEquals(1, layout.chunkLength(0));
    assertEquals(3, layout.padding(0));
    assertEquals(1, layout.shardSize());
  }

  @Test
  void fullStripesUseTheSchemeChunkAndTheLastIsShortened() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 2 * S + 10);
    assertEquals(3, layout.stripeCount());
    assertEquals(C, layout.chunkLength(0));
    assertEquals(C, layout.chunkLength(1));
    assertEquals(3, layout.chunkLength(2)); // ceil(10 / 4)
    assertEquals(2, layout.padding(2));
    assertEquals(0, layout.padding(1));
    assertEquals(2L * C + 3, layout.shardSize());
    assertEquals(2 * S, layout.stripeDataOffset(2));
    assertEquals(10, layout.stripeDataLength(2));
    assertEquals(2L * C, layout.shardOffset(2));
  }

  @Test
  void exactMultipleOfTheStripeHasNoShortStripe() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 64 * S);
    assertEquals(64, layout.stripeCount());
    assertEquals(64L * C, layout.shardSize());
    assertEquals(C, layout.chunkLength(63));
  }

  @Test
  void paddingIsAlwaysBelowK() {
    ErasureScheme scheme = ErasureScheme.parse("rs-10-4-4k");
    for (long length = 1; length < 3 * scheme.stripeDataSize(); length += 97) {
      ShardLayout layout = new ShardLayout(scheme, length);
      long last = layout.stripeCount() - 1;
      assertTrue(layout.padding(last) >= 0 && layout.padding(last) < 10, "length " + length);
      assertEquals(
          layout.shardSize() * 10, length + layout.padding(last), "padding is all there is");
    }
  }

  @Test
  void spanCoversExactlyTheTouchedStripes() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 5 * S + 100);
    assertEquals(new StripeSpan(0, 1, 0, C), layout.span(0, 1));
    assertEquals(new StripeSpan(0, 2, 0, 2L * C), layout.span(S - 1, 2));
    assertEquals(new StripeSpan(1, 1, C, C), layout.span(S, S));
    assertEquals(new StripeSpan(4, 2, 4L * C, C + 25), layout.span(4 * S + 7, S + 93));
    assertEquals(6, layout.span(0, 5 * S + 100).endStripe());
  }

  @Test
  void sliceNamesTheDataChunksAndInChunkOffsets() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 3 * S);
    StripeSlice slice = layout.slice(1, S + C - 10, 20);
    assertEquals(new StripeSlice(1, C - 10, 20, C, 0, 1), slice);
    assertEquals(C - 10, slice.offsetInChunk(0));
    assertEquals(10, slice.lengthInChunk(0));
    assertEquals(0, slice.offsetInChunk(1));
    assertEquals(10, slice.lengthInChunk(1));
    assertFalse(slice.needs(2));
    assertEquals(0, slice.lengthInChunk(2));
    assertEquals(0, layout.slice(0, S + 5, 10).length(), "range misses stripe 0");
  }

  @Test
  void rangesOutsideTheDataAndUnknownStripesAreInvalidArguments() {
    ShardLayout layout = new ShardLayout(RS_4_2_256K, 100);
    assertInvalid(() -> layout.span(-1, 1));
    assertInvalid(() -> layout.span(0, 101));
    assertInvalid(() -> layout.span(100, 1));
    assertInvalid(() -> layout.span(Long.MAX_VALUE, Long.MAX_VALUE));
    assertInvalid(() -> layout.chunkLength(1));
    assertInvalid(() -> layout.chunkLength(-1));
    assertInvalid(() -> new ShardLayout(RS_4_2_256K, -1));
    assertEquals(0, layout.span(100, 0).stripeCount());
  }

  private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
    assertEquals(ErasureError.INVALID_ARGUMENT, assertThrows(ErasureException.class, call).error());
  }
}
