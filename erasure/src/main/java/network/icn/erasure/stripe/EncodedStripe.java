package network.icn.erasure.stripe;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One encoded stripe as handed to a {@link StripeSink}: its k data and m parity chunks, each with
 * its CRC32C.
 *
 * <p>The chunk buffers are read-only views of the encoder's reusable memory, valid only during
 * {@link StripeSink#accept(EncodedStripe)}. Each {@link #chunk(int)} call returns a fresh view
 * (position 0, limit {@link #chunkLength()}), so a sink may consume it freely.
 *
 * @implNote {@code chunks} holds the encoder's own (writable) slices, each of capacity {@link
 *     #chunkLength()}; only read-only views of them leave the package.
 */
public final class EncodedStripe {

  private final long index;
  private final long dataOffset;
  private final int dataLength;
  private final long shardOffset;
  private final int chunkLength;
  private final int dataShards;
  private final ByteBuffer[] chunks;
  private final int[] crcs;

  EncodedStripe(
      long index,
      long dataOffset,
      int dataLength,
      long shardOffset,
      int chunkLength,
      int dataShards,
      ByteBuffer[] chunks,
      int[] crcs) {
    this.index = index;
    this.dataOffset = dataOffset;
    this.dataLength = dataLength;
    this.shardOffset = shardOffset;
    this.chunkLength = chunkLength;
    this.dataShards = dataShards;
    this.chunks = Objects.requireNonNull(chunks, "chunks");
    this.crcs = Objects.requireNonNull(crcs, "crcs");
  }

  /** The stripe's index in the object (segment), from 0. */
  public long index() {
    return index;
  }

  /** Object offset of the stripe's first data byte. */
  public long dataOffset() {
    return dataOffset;
  }

  /** Bytes of object data in the stripe (padding excluded). */
  public int dataLength() {
    return dataLength;
  }

  /** Where each chunk of this stripe goes in its shard. */
  public long shardOffset() {
    return shardOffset;
  }

  /** Bytes in every chunk of this stripe. */
  public int chunkLength() {
    return chunkLength;
  }

  /** k. */
  public int dataShards() {
    return dataShards;
  }

  /** k + m. */
  public int shardCount() {
    return chunks.length;
  }

  /** A fresh read-only view of chunk {@code shard} (data shards first), valid during the call. */
  public ByteBuffer chunk(int shard) {
    return chunks[Objects.checkIndex(shard, chunks.length)].asReadOnlyBuffer();
  }

  /**
   * A writable view of chunk {@code shard}, for package decorators that must not pay for the
   * read-only view's copy (a {@code MessageDigest} hashes heap arrays in place, read-only buffers
   * through a temporary copy). Never handed outside the package.
   */
  ByteBuffer chunkForHashing(int shard) {
    return chunks[Objects.checkIndex(shard, chunks.length)].duplicate();
  }

  /** The CRC32C of chunk {@code shard}. */
  public int crc(int shard) {
    return crcs[Objects.checkIndex(shard, crcs.length)];
  }

  @Override
  public String toString() {
    return "EncodedStripe[index="
        + index
        + ", dataOffset="
        + dataOffset
        + ", dataLength="
        + dataLength
        + ", chunkLength="
        + chunkLength
        + "]";
  }
}
