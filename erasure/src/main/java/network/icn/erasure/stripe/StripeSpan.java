package network.icn.erasure.stripe;

/**
 * The stripes an object byte range touches and what to read from each shard for them.
 *
 * @param firstStripe the first stripe touched
 * @param stripeCount how many consecutive stripes are touched (0 for an empty range)
 * @param shardOffset where the first touched chunk starts in every shard
 * @param shardLength bytes to read from every shard to get all touched chunks
 */
public record StripeSpan(long firstStripe, long stripeCount, long shardOffset, long shardLength) {

  public StripeSpan {
    if (firstStripe < 0 || stripeCount < 0 || shardOffset < 0 || shardLength < 0) {
      throw new IllegalArgumentException("stripe span fields must be >= 0");
    }
  }

  /** One past the last stripe touched. */
  public long endStripe() {
    return firstStripe + stripeCount;
  }
}
