package network.icn.erasure.stripe;

import static network.icn.erasure.stripe.StripeTestData.SMALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import org.junit.jupiter.api.Test;

class StripeEncoderTest {

  private static final int S = (int) SMALL.stripeDataSize();

  @Test
  void emitsEachFullStripeAsSoonAsItIsCompleteAndTheRestOnFinish() {
    List<Long> emitted = new ArrayList<>();
    StripeEncoder encoder = new StripeEncoder(SMALL, stripe -> emitted.add(stripe.index()));
    encoder.write(new byte[S - 1]);
    assertEquals(List.of(), emitted);
    encoder.write(new byte[1]);
    assertEquals(List.of(0L), emitted);
    encoder.write(new byte[2 * S + 1]);
    assertEquals(List.of(0L, 1L, 2L), emitted);
    ShardLayout layout = encoder.finish();
    assertEquals(List.of(0L, 1L, 2L, 3L), emitted);
    assertEquals(3L * S + 1, layout.dataLength());
    assertEquals(4, encoder.stripeCount());
  }

  @Test
  void anEmptyObjectEmitsNoStripes() {
    List<EncodedStripe> emitted = new ArrayList<>();
    StripeEncoder encoder = new StripeEncoder(SMALL, emitted::add);
    encoder.write(ByteBuffer.allocate(0));
    ShardLayout layout = encoder.finish();
    assertEquals(0, layout.stripeCount());
    assertEquals(List.of(), emitted);
  }

  @Test
  void paddingIsZeroEvenWhenTheBuffersHeldEarlierData() {
    InMemoryShards store = new InMemoryShards(SMALL);
    InMemoryShards[] target = {new InMemoryShards(SMALL)};
    StripeEncoder encoder = new StripeEncoder(SMALL, stripe -> target[0].accept(stripe));
    byte[] noise = new byte[S];
    new SplittableRandom(1).nextBytes(noise);
    encoder.write(noise);
    encoder.finish();
    encoder.reset();
    target[0] = store;
    encoder.write(new byte[] {7, 7, 7, 7, 7}); // c' = 2, padding 3 bytes
    encoder.finish();
    assertArrayEquals(new byte[] {7, 7}, store.shard(0));
    assertArrayEquals(new byte[] {7, 7}, store.shard(1));
    assertArrayEquals(new byte[] {7, 0}, store.shard(2));
    assertArrayEquals(new byte[] {0, 0}, store.shard(3));
  }

  @Test
  void aPartialStripeSpanningSeveralFullChunksIsCutIntoShortenedChunks() {
    InMemoryShards[] target = {new InMemoryShards(SMALL)};
    StripeEncoder encoder = new StripeEncoder(SMALL, stripe -> target[0].accept(stripe));
    SplittableRandom random = new SplittableRandom(2);
    encoder.write(StripeTestData.random(random, S)); // stale bytes in every slot
    encoder.finish();
    encoder.reset();
    InMemoryShards store = new InMemoryShards(SMALL);
    target[0] = store;
    int length = 3 * SMALL.chunkSize() + 5; // c' = 3074: chunks cross the full-chunk boundaries
    byte[] data = StripeTestData.random(random, length);
    encoder.write(data);
    encoder.finish();
    int c = (length + 3) / 4;
    for (int j = 0; j < 4; j++) {
      byte[] expected = new byte[c];
      System.arraycopy(data, j * c, expected, 0, Math.min(c, length - j * c));
      assertArrayEquals(expected, store.shard(j), "data chunk " + j);
    }
  }

  @Test
  void theChunksOfAStripeStartAtPairwiseDifferentOffsetsModulo4KiB() {
    ErasureScheme scheme = ErasureScheme.parse("rs-8-4-256k");
    List<Long> offsets = new ArrayList<>();
    StripeEncoder encoder =
        new StripeEncoder(
            scheme,
            stripe -> {
              for (int i = 0; i < stripe.shardCount(); i++) {
                // a heap segment's address is its offset in the array, a direct one's the address
                offsets.add(MemorySegment.ofBuffer(stripe.chunk(i)).address() % 4096);
              }
            });
    encoder.write(new byte[(int) scheme.stripeDataSize()]);
    assertEquals(12, offsets.size());
    assertEquals(12, new HashSet<>(offsets).size(), "offsets modulo 4096: " + offsets);
  }

  @Test
  void writingAfterFinishIsRefusedUntilReset() {
    StripeEncoder encoder = new StripeEncoder(SMALL, stripe -> {});
    encoder.finish();
    assertThrows(IllegalStateException.class, () -> encoder.write(new byte[1]));
    assertThrows(IllegalStateException.class, encoder::finish);
    encoder.reset();
    encoder.write(new byte[1]);
    assertEquals(1, encoder.finish().dataLength());
  }

  @Test
  void aFailingSinkLeavesTheEncoderUnusableUntilReset() {
    boolean[] fail = {true};
    StripeEncoder encoder =
        new StripeEncoder(
            SMALL,
            stripe -> {
              if (fail[0]) {
                throw new IllegalStateException("agent gone");
              }
            });
    assertThrows(IllegalStateException.class, () -> encoder.write(new byte[S]));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> encoder.write(new byte[1]));
    assertEquals("a previous stripe failed in the sink; call reset()", e.getMessage());
    fail[0] = false;
    encoder.reset();
    encoder.write(new byte[S]);
    assertEquals(1, encoder.finish().stripeCount());
  }

  @Test
  void aCodecOfAnotherShapeIsRejected() {
    ErasureException e =
        assertThrows(
            ErasureException.class,
            () -> new StripeEncoder(SMALL, ReedSolomon.create(4, 3), stripe -> {}));
    assertEquals(ErasureError.INVALID_ARGUMENT, e.error());
  }

  @Test
  void stripesLargerThanOneGibibyteAreRefused() {
    ErasureScheme huge = ErasureScheme.parse("rs-32-4-64m");
    ErasureException e =
        assertThrows(ErasureException.class, () -> new StripeEncoder(huge, stripe -> {}));
    assertEquals(ErasureError.INVALID_SCHEME, e.error());
  }
}
