package network.icn.erasure.stripe;

import static network.icn.erasure.stripe.StripeTestData.SMALL;
import static network.icn.erasure.stripe.StripeTestData.feedInRandomPieces;
import static network.icn.erasure.stripe.StripeTestData.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import network.icn.erasure.Crc32c;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;
import network.icn.erasure.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StripeRoundTripTest {

  private static final int C = SMALL.chunkSize();
  private static final int S = (int) SMALL.stripeDataSize();

  static IntStream edgeLengths() {
    return IntStream.of(
        0,
        1,
        2,
        3,
        4,
        5,
        C - 1,
        C,
        C + 1,
        S - 1,
        S,
        S + 1,
        2 * S - 1,
        2 * S,
        2 * S + 1,
        5 * S - 1,
        5 * S,
        5 * S + 1,
        5 * S + 3 * C + 7,
        7 * S + 4093);
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("edgeLengths")
  void roundTripsEveryEdgeLengthFedInRandomPieces(int length) {
    SplittableRandom random = new SplittableRandom(length);
    byte[] data = random(random, length);
    InMemoryShards store = new InMemoryShards(SMALL);
    StripeEncoder encoder = new StripeEncoder(SMALL, store);
    feedInRandomPieces(encoder, data, random);
    ShardLayout layout = encoder.finish();

    assertEquals(length, layout.dataLength());
    assertEquals(length, encoder.dataLength());
    assertEquals((length + S - 1) / S, layout.stripeCount());
    assertEquals(layout.stripeCount(), store.stripes());
    for (int i = 0; i < SMALL.totalShards(); i++) {
      assertEquals(layout.shardSize(), store.shard(i).length, "shard " + i);
    }
    for (long s = 0; s < layout.stripeCount(); s++) {
      assertEquals(layout.chunkLength(s), store.chunkLength(s));
      assertTrue(layout.padding(s) >= 0 && layout.padding(s) < SMALL.data());
    }

    assertArrayEquals(data, readAll(layout, store));
  }

  @Test
  void roundTripsTheDefaultSchemeOverSeveralStripes() {
    ErasureScheme scheme = ErasureScheme.DEFAULT;
    SplittableRandom random = new SplittableRandom(99);
    for (int length : new int[] {3 * (1 << 20) - 1, 3 * (1 << 20) + 5}) {
      byte[] data = random(random, length);
      InMemoryShards store = new InMemoryShards(scheme);
      StripeEncoder encoder = new StripeEncoder(scheme, store);
      feedInRandomPieces(encoder, data, random);
      ShardLayout layout = encoder.finish();
      assertEquals((length + (1 << 20) - 1) / (1 << 20), layout.stripeCount());
      byte[] out = new byte[length];
      new StripeDecoder(scheme).read(layout, store, 0, length, ByteBuffer.wrap(out));
      assertArrayEquals(data, out);
    }
  }

  @Test
  void lastStripeUsesTheShortenedChunkLengthWithAtMostKMinusOneBytesOfPadding() {
    byte[] data = random(new SplittableRandom(3), 2 * S + 4099);
    InMemoryShards store = new InMemoryShards(SMALL);
    StripeEncoder encoder = new StripeEncoder(SMALL, store);
    encoder.write(data);
    ShardLayout layout = encoder.finish();
    assertEquals(3, layout.stripeCount());
    assertEquals(1025, layout.chunkLength(2)); // ceil(4099 / 4)
    assertEquals(1, layout.padding(2));
    assertEquals(2L * C + 1025, layout.shardSize());
    // Data chunk j of the last stripe holds bytes [j*c', (j+1)*c') of its data, zero-padded.
    byte[] lastChunk3 = Arrays.copyOfRange(store.shard(3), 2 * C, 2 * C + 1025);
    byte[] expected = Arrays.copyOf(Arrays.copyOfRange(data, 2 * S + 3 * 1025, data.length), 1025);
    assertArrayEquals(expected, lastChunk3);
  }

  @Test
  void emittedChunksAreReadOnlyCarryTheirCrcAndConsistentParity() {
    ReedSolomon codec = ReedSolomon.create(4, 2);
    int[] seen = {0};
    StripeEncoder encoder =
        new StripeEncoder(
            SMALL,
            codec,
            stripe -> {
              ByteBuffer[] chunks = new ByteBuffer[stripe.shardCount()];
              for (int i = 0; i < chunks.length; i++) {
                ByteBuffer chunk = stripe.chunk(i);
                assertTrue(chunk.isReadOnly());
                assertEquals(0, chunk.position());
                assertEquals(stripe.chunkLength(), chunk.remaining());
                assertEquals(Crc32c.of(chunk), stripe.crc(i));
                chunks[i] = chunk.slice();
              }
              assertTrue(codec.isParityCorrect(chunks, 0, stripe.chunkLength()));
              assertEquals(stripe.index() * SMALL.stripeDataSize(), stripe.dataOffset());
              assertEquals(stripe.index() * C, stripe.shardOffset());
              seen[0]++;
            });
    encoder.write(random(new SplittableRandom(5), 3 * S + 10));
    assertEquals(3, encoder.stripeCount());
    encoder.finish();
    assertEquals(4, seen[0]);
  }

  @Test
  void shardDigesterRecordsSizesMerkleRootsAndChunkCrcsOfEveryShard() {
    byte[] data = random(new SplittableRandom(8), 4 * S + 3 * C + 11);
    InMemoryShards store = new InMemoryShards(SMALL);
    ShardDigester digester = new ShardDigester(SMALL, store);
    StripeEncoder encoder = new StripeEncoder(SMALL, digester);
    feedInRandomPieces(encoder, data, new SplittableRandom(9));
    ShardLayout layout = encoder.finish();
    var digests = digester.finish();
    assertEquals(SMALL.totalShards(), digests.size());
    for (ShardDigest digest : digests) {
      byte[] shard = store.shard(digest.shard());
      assertEquals(layout.shardSize(), digest.size());
      assertEquals(MerkleTree.root(shard), digest.merkleRoot());
      int[] crcs = new int[store.stripes()];
      for (int s = 0; s < crcs.length; s++) {
        crcs[s] = store.recordedCrc(s, digest.shard());
      }
      assertEquals(ChunkCrcs.of(crcs), digest.chunkCrcs());
    }

    digester.reset();
    encoder.reset();
    encoder.finish();
    for (ShardDigest digest : digester.finish()) {
      assertEquals(0, digest.size());
      assertEquals(MerkleTree.EMPTY_ROOT, digest.merkleRoot());
      assertEquals(0, digest.chunkCrcs().size());
    }
  }

  @Test
  void resetLetsOneEncoderServeManySegments() {
    SplittableRandom random = new SplittableRandom(11);
    InMemoryShards first = new InMemoryShards(SMALL);
    InMemoryShards[] current = {first};
    StripeEncoder encoder = new StripeEncoder(SMALL, stripe -> current[0].accept(stripe));
    byte[] a = random(random, 2 * S + 5);
    encoder.write(a);
    ShardLayout layoutA = encoder.finish();
    encoder.reset();
    current[0] = new InMemoryShards(SMALL);
    byte[] b = random(random, S - 3);
    encoder.write(b);
    ShardLayout layoutB = encoder.finish();
    assertArrayEquals(a, readAll(layoutA, first));
    assertArrayEquals(b, readAll(layoutB, current[0]));
  }

  static byte[] readAll(ShardLayout layout, InMemoryShards store) {
    byte[] out = new byte[(int) layout.dataLength()];
    ByteBuffer buffer = ByteBuffer.wrap(out);
    ReadReport report =
        new StripeDecoder(layout.scheme()).read(layout, store, 0, out.length, buffer);
    assertEquals(out.length, buffer.position());
    assertEquals(out.length, report.bytes());
    return out;
  }
}
