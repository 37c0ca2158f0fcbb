package network.icn.erasure.stripe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import network.icn.erasure.Crc32c;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.ReedSolomon;

/**
 * Cuts a stream of object bytes into stripes, Reed-Solomon-encodes each, and hands the k + m chunks
 * with their CRC32Cs to a {@link StripeSink}.
 *
 * <p>Feed data in pieces of any size with {@code write}; the encoder buffers at most one stripe
 * ({@code k * chunkSize} bytes) in memory allocated once, emits every full stripe as soon as it is
 * complete, and on {@link #finish()} emits the last partial stripe with the shortened chunk length
 * described in {@link ShardLayout}. Memory stays {@code (k + m) * chunkSize} whatever the object
 * size. {@link #reset()} readies the encoder for the next segment without reallocating.
 *
 * <p>The chunks sit in {@link ChunkSlots}: chunk {@code i} of the stripe (data, then parity) starts
 * {@link ChunkSlots#STAGGER} bytes further along modulo 4 KiB than chunk {@code i - 1}, so the k +
 * m streams of the encode use different L1 sets. Callers see only the chunk views.
 *
 * <p>Not thread-safe. No I/O: the sink does whatever the caller needs with the chunks.
 */
public final class StripeEncoder {

  /** Largest stripe ({@code k * chunkSize}) the encoder buffers: 1 GiB. */
  public static final long MAX_STRIPE_DATA_SIZE = 1L << 30;

  private final ErasureScheme scheme;
  private final ReedSolomon codec;
  private final StripeSink sink;
  private final int stripeSize;
  private final int chunkSize;

  /**
   * The data of the stripe being filled: stripe byte p is byte p % C of data chunk p / C. On
   * finish, a partial stripe is moved into chunks of the shortened length, in the same slots.
   */
  private final ChunkSlots data;

  /** The stripe data's memory (a heap buffer), {@code data.memory()}. */
  private final ByteBuffer staging;

  private final ChunkSlots parity;

  /** k + m views of capacity C over staging and parity, for full stripes. */
  private final ByteBuffer[] fullStripe;

  private int filled;
  private long dataLength;
  private long stripes;
  private boolean finished;
  private boolean failed;

  /** An encoder with the best codec for the scheme. */
  public StripeEncoder(ErasureScheme scheme, StripeSink sink) {
    this(scheme, ReedSolomon.create(scheme.data(), scheme.parity()), sink);
  }

  /**
   * An encoder using {@code codec} (thread-safe, so one codec can serve many encoders).
   *
   * @throws ErasureException with {@link ErasureError#INVALID_ARGUMENT} if the codec's shape does
   *     not match the scheme, or {@link ErasureError#INVALID_SCHEME} if a stripe exceeds {@link
   *     #MAX_STRIPE_DATA_SIZE}
   */
  public StripeEncoder(ErasureScheme scheme, ReedSolomon codec, StripeSink sink) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.sink = Objects.requireNonNull(sink, "sink");
    if (codec.dataShards() != scheme.data() || codec.parityShards() != scheme.parity()) {
      throw new ErasureException(
          ErasureError.INVALID_ARGUMENT, "codec " + codec + " does not match scheme " + scheme);
    }
    if (scheme.stripeDataSize() > MAX_STRIPE_DATA_SIZE) {
      throw new ErasureException(
          ErasureError.INVALID_SCHEME,
          "scheme "
              + scheme
              + " has stripes of "
              + scheme.stripeDataSize()
              + " bytes; the encoder buffers at most "
              + MAX_STRIPE_DATA_SIZE);
    }
    this.chunkSize = scheme.chunkSize();
    this.stripeSize = (int) scheme.stripeDataSize();
    this.data = new ChunkSlots(scheme.data(), chunkSize, 0);
    this.staging = data.memory();
    this.parity = new ChunkSlots(scheme.parity(), chunkSize, scheme.data());
    this.fullStripe = shards(chunkSize);
  }

  /** Encodes {@code data}'s remaining bytes and advances its position to its limit. */
  public void write(ByteBuffer data) {
    ensureWritable();
    while (data.hasRemaining()) {
      int n = Math.min(data.remaining(), chunkSize - filled % chunkSize);
      staging.put(stagingOffset(filled), data, data.position(), n);
      data.position(data.position() + n);
      accepted(n);
    }
  }

  /** Encodes {@code data[offset, offset + length)}. */
  public void write(byte[] data, int offset, int length) {
    ensureWritable();
    Objects.checkFromIndexSize(offset, length, data.length);
    int end = offset + length;
    while (offset < end) {
      int n = Math.min(end - offset, chunkSize - filled % chunkSize);
      staging.put(stagingOffset(filled), data, offset, n);
      offset += n;
      accepted(n);
    }
  }

  /** Encodes all of {@code data}. */
  public void write(byte[] data) {
    write(data, 0, data.length);
  }

  /** Bytes of object data accepted so far. */
  public long dataLength() {
    return dataLength;
  }

  /** Stripes emitted so far. */
  public long stripeCount() {
    return stripes;
  }

  /**
   * Emits the last partial stripe, if any, and returns the layout of everything written: total data
   * length, stripe count, chunk lengths and shard size. The encoder then refuses input until {@link
   * #reset()}.
   */
  public ShardLayout finish() {
    ensureWritable();
    if (filled > 0) {
      emit(ceilDiv(filled, scheme.data()), filled);
    }
    finished = true;
    ShardLayout layout = new ShardLayout(scheme, dataLength);
    if (layout.stripeCount() != stripes) {
      throw new IllegalStateException(
          "emitted " + stripes + " stripes but the layout has " + layout.stripeCount());
    }
    return layout;
  }

  /** Discards any buffered data and readies the encoder for a new object (segment). */
  public void reset() {
    filled = 0;
    dataLength = 0;
    stripes = 0;
    finished = false;
    failed = false;
  }

  private void accepted(int n) {
    filled += n;
    dataLength += n;
    if (filled == stripeSize) {
      emit(scheme.chunkSize(), stripeSize);
    }
  }

  /** Where stripe byte {@code p} of a full stripe lives in {@code staging}. */
  private int stagingOffset(int p) {
    return data.offset(p / chunkSize) + p % chunkSize;
  }

  /** Encodes the buffered stripe with chunk length {@code chunk} and hands it to the sink. */
  private void emit(int chunk, int stripeData) {
    failed = true; // until the sink returns
    ByteBuffer[] shards;
    if (chunk == chunkSize) {
      shards = fullStripe;
    } else {
      shorten(chunk, stripeData);
      shards = shards(chunk);
    }
    codec.encodeParity(shards, 0, chunk);
    int[] crcs = new int[shards.length];
    for (int i = 0; i < shards.length; i++) {
      crcs[i] = Crc32c.of(shards[i], 0, chunk);
    }
    long index = stripes;
    sink.accept(
        new EncodedStripe(
            index,
            index * stripeSize,
            stripeData,
            index * scheme.chunkSize(),
            chunk,
            scheme.data(),
            shards,
            crcs));
    stripes = index + 1;
    filled = 0;
    failed = false;
  }

  /**
   * Moves the {@code stripeData} bytes of a partial stripe, written as for full chunks, into data
   * chunks of length {@code chunk} (stripe byte p into chunk p / chunk) in the same slots, and
   * zero-pads the rest of those chunks. Chunk j's bytes only move up, and chunk j's slot starts
   * above every byte of chunks below j, so working from the last chunk down (and, within a chunk,
   * from its last piece down) reads every byte before it is overwritten.
   */
  private void shorten(int chunk, int stripeData) {
    byte[] a = staging.array();
    for (int j = scheme.data() - 1; j >= 0; j--) {
      int start = j * chunk;
      int end = Math.min(start + chunk, stripeData);
      int to = data.offset(j);
      for (int hi = end; hi > start; ) {
        int lo = Math.max(start, (hi - 1) / chunkSize * chunkSize);
        System.arraycopy(a, stagingOffset(lo), a, to + lo - start, hi - lo);
        hi = lo;
      }
      Arrays.fill(a, to + Math.max(0, end - start), to + chunk, (byte) 0);
    }
  }

  /** k + m views of capacity {@code chunk}, one per slot. */
  private ByteBuffer[] shards(int chunk) {
    ByteBuffer[] shards = new ByteBuffer[scheme.totalShards()];
    for (int j = 0; j < scheme.data(); j++) {
      shards[j] = data.chunk(j, chunk);
    }
    for (int j = 0; j < scheme.parity(); j++) {
      shards[scheme.data() + j] = parity.chunk(j, chunk);
    }
    return shards;
  }

  private void ensureWritable() {
    if (failed) {
      throw new IllegalStateException("a previous stripe failed in the sink; call reset()");
    }
    if (finished) {
      throw new IllegalStateException("encoder already finished; call reset() first");
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
