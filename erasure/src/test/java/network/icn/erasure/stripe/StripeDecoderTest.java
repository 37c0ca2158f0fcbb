package network.icn.erasure.stripe;

import static network.icn.erasure.stripe.StripeTestData.SMALL;
import static network.icn.erasure.stripe.StripeTestData.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StripeDecoderTest {

  private static final int C = SMALL.chunkSize();
  private static final int S = (int) SMALL.stripeDataSize();

  /** 3 full stripes and a partial one of 2 chunks + 5 bytes (c' = 2053). */
  private static final int LENGTH = 3 * S + 2 * C + 5;

  private byte[] data;
  private InMemoryShards store;
  private ShardLayout layout;
  private StripeDecoder decoder;

  @BeforeEach
  void encode() {
    data = random(new SplittableRandom(17), LENGTH);
    store = new InMemoryShards(SMALL);
    StripeEncoder encoder = new StripeEncoder(SMALL, store);
    encoder.write(data);
    layout = encoder.finish();
    decoder = new StripeDecoder(SMALL);
  }

  @Test
  void everyPatternOfUpToMLostShardsStillReadsBackExactly() {
    List<int[]> patterns = new ArrayList<>();
    patterns.add(new int[0]);
    for (int a = 0; a < 6; a++) {
      patterns.add(new int[] {a});
      for (int b = a + 1; b < 6; b++) {
        patterns.add(new int[] {a, b});
      }
    }
    assertEquals(22, patterns.size());
    for (int[] lost : patterns) {
      store.clearFaults();
      store.lose(lost);
      byte[] out = new byte[LENGTH];
      ReadReport report = decoder.read(layout, store, 0, LENGTH, ByteBuffer.wrap(out));
      assertArrayEquals(data, out, Arrays.toString(lost));
      boolean dataLost = Arrays.stream(lost).anyMatch(i -> i < SMALL.data());
      assertEquals(dataLost ? layout.stripeCount() : 0, report.stripesDecoded());
      assertTrue(report.clean());
    }
  }

  @Test
  void moreThanMLostShardsFailsWithNotEnoughShardsAndSaysWhichAreMissing() {
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        for (int c = b + 1; c < 6; c++) {
          store.clearFaults();
          store.lose(a, b, c);
          ByteBuffer out = ByteBuffer.allocate(LENGTH);
          ErasureException e =
              assertThrows(
                  ErasureException.class, () -> decoder.read(layout, store, 0, LENGTH, out));
          assertEquals(ErasureError.NOT_ENOUGH_SHARDS, e.error());
          assertTrue(e.getMessage().contains("only 3 of 6 chunks are usable"), e.getMessage());
          assertTrue(
              e.getMessage().contains("unavailable [" + a + ", " + b + ", " + c + "]"),
              e.getMessage());
          assertEquals(0, out.position(), "no bytes are delivered");
        }
      }
    }
  }

  @Test
  void aCorruptDataChunkIsDetectedByCrcRebuiltFromParityAndReported() {
    store.flipBit(2, 1, 12345);
    byte[] out = new byte[LENGTH];
    ReadReport report = decoder.read(layout, store, 0, LENGTH, ByteBuffer.wrap(out));
    assertArrayEquals(data, out);
    assertEquals(List.of(new ChunkId(2, 1)), report.corruptChunks());
    assertEquals(Set.of(1), report.corruptShards());
    assertEquals(1, report.stripesDecoded());
  }

  @Test
  void corruptAndLostChunksTogetherUpToMAreRecovered() {
    store.lose(0).flipBit(3, 4, 7).truncate(1, 2);
    byte[] out = new byte[LENGTH];
    ReadReport report = decoder.read(layout, store, 0, LENGTH, ByteBuffer.wrap(out));
    assertArrayEquals(data, out);
    assertEquals(Set.of(2, 4), report.corruptShards());
    assertTrue(report.unavailableChunks().contains(new ChunkId(0, 0)));
  }

  @Test
  void aCorruptChunkBeyondMIsNotEnoughShards() {
    store.lose(0, 5).flipBit(1, 3, 0);
    ErasureException e =
        assertThrows(
            ErasureException.class,
            () -> decoder.read(layout, store, 0, LENGTH, ByteBuffer.allocate(LENGTH)));
    assertEquals(ErasureError.NOT_ENOUGH_SHARDS, e.error());
    assertTrue(e.getMessage().contains("stripe 1"), e.getMessage());
    assertTrue(e.getMessage().contains("CRC32C mismatch [3]"), e.getMessage());
  }

  @Test
  void theHappyPathReadsOnlyDataChunksAndDecodesNothing() {
    ReadReport report = decoder.read(layout, store, 0, LENGTH, ByteBuffer.allocate(LENGTH));
    assertEquals(0, report.stripesDecoded());
    assertTrue(store.requests().stream().allMatch(id -> id.shard() < SMALL.data()));
    assertEquals(4 * 4, store.requests().size());
  }

  @Test
  void aRangeAsksOnlyForTheChunksItTouches() {
    long offset = S + C + 100; // stripe 1, data chunk 1
    ByteBuffer out = ByteBuffer.allocate(10);
    decoder.read(layout, store, offset, 10, out);
    assertArrayEquals(Arrays.copyOfRange(data, (int) offset, (int) offset + 10), out.array());
    assertEquals(List.of(new ChunkId(1, 1)), store.requests());
  }

  @Test
  void randomRangesMatchTheSourceUnderRandomFaults() {
    SplittableRandom random = new SplittableRandom(23);
    for (int round = 0; round < 400; round++) {
      store.clearFaults();
      if (random.nextBoolean()) {
        store.lose(random.nextInt(6));
      }
      if (random.nextBoolean()) {
        store.flipBit(random.nextInt(4), random.nextInt(6), random.nextInt(8 * 2053));
      }
      int offset = random.nextInt(LENGTH + 1);
      int length = random.nextInt(Math.min(LENGTH - offset, random.nextBoolean() ? 50 : S * 2) + 1);
      ByteBuffer out = ByteBuffer.allocate(length + 3).position(3);
      ReadReport report = decoder.read(layout, store, offset, length, out);
      assertEquals(length + 3, out.position());
      assertArrayEquals(
          Arrays.copyOfRange(data, offset, offset + length),
          Arrays.copyOfRange(out.array(), 3, length + 3),
          "offset " + offset + " length " + length);
      assertEquals(length, report.bytes());
    }
  }

  @Test
  void theLastByteIsReadAndPaddingNeverIs() {
    ByteBuffer out = ByteBuffer.allocate(1);
    decoder.read(layout, store.lose(2, 3), LENGTH - 1, 1, out);
    assertEquals(data[LENGTH - 1], out.get(0));
    ErasureException e =
        assertThrows(
            ErasureException.class,
            () -> decoder.read(layout, store, LENGTH - 1, 2, ByteBuffer.allocate(2)));
    assertEquals(ErasureError.INVALID_ARGUMENT, e.error());
  }

  @Test
  void aRebuiltChunkThatContradictsItsRecordedCrcIsAChecksumMismatchNotWrongBytes() {
    store.misrecordCrc(0, 1);
    ErasureException e =
        assertThrows(
            ErasureException.class,
            () -> decoder.read(layout, store, 0, S, ByteBuffer.allocate(S)));
    assertEquals(ErasureError.CHECKSUM_MISMATCH, e.error());
  }

  @Test
  void readStripeChecksEverySuppliedChunkAndReportsBadOnes() {
    long stripe = 1;
    int chunk = layout.chunkLength(stripe);
    ByteBuffer[] chunks = new ByteBuffer[6];
    int[] crcs = new int[6];
    for (int i = 0; i < 6; i++) {
      chunks[i] = store.chunk(stripe, i);
      crcs[i] = store.recordedCrc(stripe, i);
    }
    crcs[5] = ~crcs[5]; // a parity chunk the range does not need
    chunks[3] = null;
    long offset = layout.stripeDataOffset(stripe);
    ByteBuffer out = ByteBuffer.allocate(S);
    ReadReport report = decoder.readStripe(layout, stripe, chunks, crcs, offset, S, out);
    assertArrayEquals(Arrays.copyOfRange(data, S, 2 * S), out.array());
    assertEquals(List.of(new ChunkId(1, 5)), report.corruptChunks());
    assertEquals(1, report.stripesDecoded());
    assertEquals(C, chunk);

    chunks[4] = null;
    assertEquals(
        ErasureError.NOT_ENOUGH_SHARDS,
        assertThrows(
                ErasureException.class,
                () ->
                    decoder.readStripe(
                        layout, stripe, chunks, crcs, offset, S, ByteBuffer.allocate(S)))
            .error());
  }

  @Test
  void readStripeWithAllDataChunksGoodDoesNotNeedParity() {
    long stripe = 3; // the partial stripe
    ByteBuffer[] chunks = new ByteBuffer[6];
    int[] crcs = new int[6];
    for (int i = 0; i < 4; i++) {
      chunks[i] = store.chunk(stripe, i);
      crcs[i] = store.recordedCrc(stripe, i);
    }
    int length = layout.stripeDataLength(stripe);
    ByteBuffer out = ByteBuffer.allocate(length);
    ReadReport report = decoder.readStripe(layout, stripe, chunks, crcs, 3L * S, length, out);
    assertArrayEquals(Arrays.copyOfRange(data, 3 * S, LENGTH), out.array());
    assertEquals(0, report.stripesDecoded());
    assertTrue(report.unavailableChunks().isEmpty(), "chunks not supplied are not asked for");
  }

  @Test
  void badRequestsAreInvalidArguments() {
    assertInvalid(() -> decoder.read(layout, store, -1, 1, ByteBuffer.allocate(1)));
    assertInvalid(() -> decoder.read(layout, store, 0, 10, ByteBuffer.allocate(9)));
    assertInvalid(
        () -> decoder.read(layout, store, 0, 1, ByteBuffer.allocate(1).asReadOnlyBuffer()));
    ShardLayout other = new ShardLayout(ErasureScheme.parse("rs-4-2-8k"), LENGTH);
    assertInvalid(() -> decoder.read(other, store, 0, 1, ByteBuffer.allocate(1)));
    assertInvalid(
        () ->
            decoder.readStripe(
                layout, 0, new ByteBuffer[6], new int[6], S - 1, 2, ByteBuffer.allocate(2)));
    assertInvalid(() -> new StripeDecoder(SMALL, ReedSolomon.create(3, 2)));
  }

  @Test
  void anEmptyReadTouchesNothing() {
    ReadReport report = decoder.read(layout, store, 5, 0, ByteBuffer.allocate(0));
    assertEquals(0, report.bytes());
    assertTrue(store.requests().isEmpty());
    ShardLayout empty = new ShardLayout(SMALL, 0);
    assertEquals(0, decoder.read(empty, store, 0, 0, ByteBuffer.allocate(0)).bytes());
  }

  private static void assertInvalid(Executable call) {
    assertEquals(ErasureError.INVALID_ARGUMENT, assertThrows(ErasureException.class, call).error());
  }
}
