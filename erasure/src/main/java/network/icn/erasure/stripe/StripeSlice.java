package network.icn.erasure.stripe;

/**
 * The part of an object byte range that lies in one stripe.
 *
 * @param stripe the stripe
 * @param offsetInStripe where the part starts in the stripe's data
 * @param length bytes of the part (0 if the range misses the stripe)
 * @param chunkLength the stripe's chunk length
 * @param firstDataShard the first data chunk holding part of the range
 * @param lastDataShard the last data chunk holding part of the range ({@code firstDataShard - 1}
 *     when empty)
 */
public record StripeSlice(
    long stripe,
    int offsetInStripe,
    int length,
    int chunkLength,
    int firstDataShard,
    int lastDataShard) {

  public StripeSlice {
    if (stripe < 0 || offsetInStripe < 0 || length < 0 || chunkLength < 1) {
      throw new IllegalArgumentException("invalid stripe slice");
    }
    if (length > 0 && (firstDataShard < 0 || lastDataShard < firstDataShard)) {
      throw new IllegalArgumentException("a non-empty slice needs at least one data chunk");
    }
  }

  /** Whether data chunk {@code shard} holds part of the range. */
  public boolean needs(int shard) {
    return shard >= firstDataShard && shard <= lastDataShard;
  }

  /** Where the range starts inside data chunk {@code shard} (0 for all but the first). */
  public int offsetInChunk(int shard) {
    return Math.max(0, offsetInStripe - shard * chunkLength);
  }

  /** Bytes of the range inside data chunk {@code shard}. */
  public int lengthInChunk(int shard) {
    if (!needs(shard)) {
      return 0;
    }
    int chunkStart = shard * chunkLength;
    int from = Math.max(offsetInStripe, chunkStart);
    int to = Math.min(offsetInStripe + length, chunkStart + chunkLength);
    return to - from;
  }
}
