package network.icn.erasure.stripe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import network.icn.erasure.Crc32c;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;

/**
 * Turns chunks back into object bytes, whole objects or any byte range, reading only the stripes
 * the range touches.
 *
 * <p>Per stripe: the data chunks holding the range are checked against their recorded CRC32C. If
 * all are good their bytes are copied out directly (the code is systematic: no decoding on the
 * happy path). Otherwise the chunk is treated as missing, the other chunks are checked too, and the
 * missing data chunks are rebuilt from any k good chunks; rebuilt chunks are checked against their
 * recorded CRC32C as well. Padding is never returned: only bytes inside {@code [0, dataLength)} are
 * ever copied out.
 *
 * <p>Not thread-safe (it keeps per-stripe scratch); the codec it uses may be shared. Decode scratch
 * ({@code m} chunks in staggered {@link ChunkSlots}) is allocated on the first stripe that needs
 * decoding.
 */
public final class StripeDecoder {

  private final ErasureScheme scheme;
  private final ReedSolomon codec;
  private final ByteBuffer[] chunks;
  private final boolean[] good;
  private final boolean[] asked;
  private ChunkSlots scratch;

  /** A decoder with the best codec for the scheme. */
  public StripeDecoder(ErasureScheme scheme) {
    this(scheme, ReedSolomon.create(scheme.data(), scheme.parity()));
  }

  /** A decoder using {@code codec} (thread-safe, so one codec can serve many decoders). */
  public StripeDecoder(ErasureScheme scheme, ReedSolomon codec) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.codec = Objects.requireNonNull(codec, "codec");
    if (codec.dataShards() != scheme.data() || codec.parityShards() != scheme.parity()) {
      throw invalid("codec " + codec + " does not match scheme " + scheme);
    }
    this.chunks = new ByteBuffer[scheme.totalShards()];
    this.good = new boolean[scheme.totalShards()];
    this.asked = new boolean[scheme.totalShards()];
  }

  /**
   * Writes object bytes {@code [offset, offset + length)} into {@code out} (relative puts),
   * fetching chunks from {@code source}: the data chunks the range needs first, the others only for
   * stripes that need decoding.
   *
   * @return what was found: corrupt and unavailable chunks, stripes decoded
   * @throws ErasureException {@link ErasureError#NOT_ENOUGH_SHARDS} when a stripe has fewer than k
   *     good chunks; {@link ErasureError#CHECKSUM_MISMATCH} when a rebuilt chunk does not match its
   *     recorded CRC32C; {@link ErasureError#INVALID_ARGUMENT} for a range outside the data, a
   *     layout of another scheme, or an {@code out} without room. On an exception {@code out}'s
   *     position is restored; bytes after it may have been overwritten.
   */
  public ReadReport read(
      ShardLayout layout, ChunkSource source, long offset, long length, ByteBuffer out) {
    Objects.requireNonNull(source, "source");
    checkRequest(layout, offset, length, out);
    StripeSpan span = layout.span(offset, length);
    Tally tally = new Tally();
    int start = out.position();
    try {
      for (long stripe = span.firstStripe(); stripe < span.endStripe(); stripe++) {
        readStripe(layout.slice(stripe, offset, length), source, null, out, tally);
      }
    } catch (RuntimeException e) {
      out.position(start);
      throw e;
    }
    return tally.report(length);
  }

  /**
   * Writes the object bytes {@code [offset, offset + length)}, which must lie within stripe {@code
   * stripe}, into {@code out} from the chunks supplied: {@code suppliedChunks[i]}'s remaining bytes
   * are chunk i, or {@code null} if not supplied. Every supplied chunk is checked against {@code
   * expectedCrcs[i]} (a bad one is reported and treated as missing).
   *
   * @throws ErasureException as for {@link #read}; {@link ErasureError#NOT_ENOUGH_SHARDS} also when
   *     a needed data chunk is missing or bad and fewer than k good chunks were supplied
   */
  public ReadReport readStripe(
      ShardLayout layout,
      long stripe,
      ByteBuffer[] suppliedChunks,
      int[] expectedCrcs,
      long offset,
      int length,
      ByteBuffer out) {
    Objects.requireNonNull(suppliedChunks, "suppliedChunks");
    Objects.requireNonNull(expectedCrcs, "expectedCrcs");
    checkRequest(layout, offset, length, out);
    int total = scheme.totalShards();
    if (suppliedChunks.length != total || expectedCrcs.length != total) {
      throw invalid(
          "expected "
              + total
              + " chunks and CRCs, got "
              + suppliedChunks.length
              + " and "
              + expectedCrcs.length);
    }
    StripeSlice slice = layout.slice(stripe, offset, length);
    if (slice.length() != length) {
      throw invalid(
          "range offset=" + offset + " length=" + length + " does not lie within stripe " + stripe);
    }
    Tally tally = new Tally();
    if (length == 0) {
      return tally.report(0);
    }
    ChunkSource supplied =
        new ChunkSource() {
          @Override
          public ByteBuffer chunk(long s, int shard) {
            return suppliedChunks[shard];
          }

          @Override
          public int expectedCrc(long s, int shard) {
            return expectedCrcs[shard];
          }
        };
    int start = out.position();
    try {
      readStripe(slice, supplied, suppliedChunks, out, tally);
    } catch (RuntimeException e) {
      out.position(start);
      throw e;
    }
    return tally.report(length);
  }

  /**
   * Reads one stripe's part of the range. First pass: the chunks in {@code supplied} (all that are
   * non-null) or, without it, the data chunks the range needs. Second pass, only if a needed data
   * chunk is still missing: every chunk not asked for yet, then decode.
   */
  private void readStripe(
      StripeSlice slice, ChunkSource source, ByteBuffer[] supplied, ByteBuffer out, Tally tally) {
    int total = scheme.totalShards();
    Arrays.fill(chunks, null);
    Arrays.fill(good, false);
    Arrays.fill(asked, false);
    for (int i = 0; i < total; i++) {
      if (supplied != null ? supplied[i] != null : slice.needs(i)) {
        fetch(slice, i, source, tally);
      }
    }
    boolean direct = true;
    for (int j = slice.firstDataShard(); j <= slice.lastDataShard(); j++) {
      direct &= good[j];
    }
    if (!direct) {
      for (int i = 0; i < total; i++) {
        if (!asked[i]) {
          fetch(slice, i, source, tally);
        }
      }
      decode(slice, source, tally);
    }
    for (int j = slice.firstDataShard(); j <= slice.lastDataShard(); j++) {
      int n = slice.lengthInChunk(j);
      out.put(out.position(), chunks[j], slice.offsetInChunk(j), n);
      out.position(out.position() + n);
    }
  }

  /** Asks the source for chunk {@code shard} and keeps it if its length and CRC32C are right. */
  private void fetch(StripeSlice slice, int shard, ChunkSource source, Tally tally) {
    asked[shard] = true;
    long stripe = slice.stripe();
    ByteBuffer chunk = source.chunk(stripe, shard);
    if (chunk == null) {
      tally.unavailable.add(new ChunkId(stripe, shard));
      return;
    }
    int length = slice.chunkLength();
    if (chunk.remaining() != length
        || Crc32c.of(chunk, chunk.position(), length) != source.expectedCrc(stripe, shard)) {
      tally.corrupt.add(new ChunkId(stripe, shard));
      return;
    }
    chunks[shard] = chunk.slice(chunk.position(), length);
    good[shard] = true;
  }

  /** Rebuilds the missing data chunks from k good ones and checks the rebuilt ones' CRCs. */
  private void decode(StripeSlice slice, ChunkSource source, Tally tally) {
    int total = scheme.totalShards();
    int goodCount = 0;
    for (boolean g : good) {
      goodCount += g ? 1 : 0;
    }
    long stripe = slice.stripe();
    if (goodCount < scheme.data()) {
      throw new ErasureException(
          ErasureError.NOT_ENOUGH_SHARDS,
          "stripe "
              + stripe
              + " ("
              + scheme
              + "): only "
              + goodCount
              + " of "
              + total
              + " chunks are usable but "
              + scheme.data()
              + " are needed; unavailable "
              + shardsOf(tally.unavailable, stripe)
              + ", CRC32C mismatch "
              + shardsOf(tally.corrupt, stripe));
    }
    if (scratch == null) {
      scratch = new ChunkSlots(scheme.parity(), scheme.chunkSize(), 0);
    }
    int length = slice.chunkLength();
    int spare = 0;
    for (int i = 0; i < total; i++) {
      if (!good[i]) {
        chunks[i] = scratch.chunk(spare++, length);
      }
    }
    codec.decodeMissingData(chunks, good, 0, length);
    tally.decoded++;
    for (int j = slice.firstDataShard(); j <= slice.lastDataShard(); j++) {
      if (!good[j] && Crc32c.of(chunks[j], 0, length) != source.expectedCrc(stripe, j)) {
        throw new ErasureException(
            ErasureError.CHECKSUM_MISMATCH,
            "stripe "
                + stripe
                + ": rebuilt data chunk "
                + j
                + " does not match its recorded CRC32C; the surviving chunks or the recorded"
                + " checksums are inconsistent");
      }
    }
  }

  private void checkRequest(ShardLayout layout, long offset, long length, ByteBuffer out) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(out, "out");
    if (!layout.scheme().equals(scheme)) {
      throw invalid("layout scheme " + layout.scheme() + " is not the decoder's " + scheme);
    }
    layout.span(offset, length); // validates the range
    if (out.isReadOnly()) {
      throw invalid("output buffer is read-only");
    }
    if (out.remaining() < length) {
      throw invalid(
          "output buffer has room for " + out.remaining() + " bytes, the range has " + length);
    }
  }

  private static List<Integer> shardsOf(List<ChunkId> chunks, long stripe) {
    List<Integer> shards = new ArrayList<>();
    for (ChunkId chunk : chunks) {
      if (chunk.stripe() == stripe) {
        shards.add(chunk.shard());
      }
    }
    return shards;
  }

  private static ErasureException invalid(String message) {
    return new ErasureException(ErasureError.INVALID_ARGUMENT, message);
  }

  /** Findings of one read, turned into a {@link ReadReport} at the end. */
  private static final class Tally {
    final List<ChunkId> corrupt = new ArrayList<>();
    final List<ChunkId> unavailable = new ArrayList<>();
    long decoded;

    ReadReport report(long bytes) {
      return new ReadReport(bytes, corrupt, unavailable, decoded);
    }
  }
}
