package network.icn.erasure.stripe;

import java.util.Objects;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;

/**
 * The stripe geometry of {@code dataLength} bytes of object data (a segment) under a scheme with
 * {@code k} data shards, {@code m} parity shards and chunk size {@code C}:
 *
 * <ul>
 *   <li>Stripe {@code s} holds object bytes {@code [s*k*C, s*k*C + stripeDataLength(s))}.
 *   <li>Every stripe but the last is full: {@code k*C} bytes, chunks of {@code C}. A last stripe of
 *       {@code L < k*C} bytes has the shortened chunk length {@code c' = ceil(L / k)}, for all its
 *       k + m chunks; its data is zero-padded to {@code k*c'} inside the encoder only, so it
 *       carries at most {@code k - 1} bytes of padding.
 *   <li>Data byte {@code b} of a stripe with chunk length {@code c} is byte {@code b mod c} of data
 *       chunk {@code b / c}.
 *   <li>Shard {@code i} is chunk {@code i} of every stripe, concatenated: chunk {@code i} of stripe
 *       {@code s} sits at shard offset {@code s*C}. All k + m shards have the same size.
 *   <li>No data, no stripes: an empty object has empty shards.
 * </ul>
 *
 * @param scheme the erasure scheme
 * @param dataLength bytes of object data, {@code >= 0}
 */
public record ShardLayout(ErasureScheme scheme, long dataLength) {

  public ShardLayout {
    Objects.requireNonNull(scheme, "scheme");
    if (dataLength < 0) {
      throw invalid("data length must be >= 0, got " + dataLength);
    }
  }

  /** Stripes needed for the data: {@code ceil(dataLength / (k*C))}. */
  public long stripeCount() {
    long stripe = scheme.stripeDataSize();
    return dataLength / stripe + (dataLength % stripe == 0 ? 0 : 1);
  }

  /** Bytes of object data in stripe {@code stripe}. */
  public int stripeDataLength(long stripe) {
    checkStripe(stripe);
    return (int) Math.min(scheme.stripeDataSize(), dataLength - stripeDataOffset(stripe));
  }

  /** Object offset of the first byte of stripe {@code stripe}. */
  public long stripeDataOffset(long stripe) {
    checkStripe(stripe);
    return stripe * scheme.stripeDataSize();
  }

  /** Bytes of each of the k + m chunks of stripe {@code stripe}: C, or {@code ceil(L/k)} last. */
  public int chunkLength(long stripe) {
    int data = stripeDataLength(stripe);
    return data == scheme.stripeDataSize() ? scheme.chunkSize() : ceilDiv(data, scheme.data());
  }

  /** Zero bytes the encoder appended to stripe {@code stripe}'s data: {@code k*c - L < k}. */
  public int padding(long stripe) {
    return chunkLength(stripe) * scheme.data() - stripeDataLength(stripe);
  }

  /** Where chunk {@code i} of stripe {@code stripe} starts in shard {@code i}: {@code s*C}. */
  public long shardOffset(long stripe) {
    checkStripe(stripe);
    return stripe * scheme.chunkSize();
  }

  /** Bytes in every shard. */
  public long shardSize() {
    long stripes = stripeCount();
    return stripes == 0 ? 0 : shardOffset(stripes - 1) + chunkLength(stripes - 1);
  }

  /**
   * The stripes that object bytes {@code [offset, offset + length)} touch, and the byte range every
   * shard must deliver for them. An empty range touches no stripe.
   *
   * @throws ErasureException with {@link ErasureError#INVALID_ARGUMENT} if the range is not within
   *     {@code [0, dataLength)}
   */
  public StripeSpan span(long offset, long length) {
    checkRange(offset, length);
    if (length == 0) {
      return new StripeSpan(0, 0, 0, 0);
    }
    long first = offset / scheme.stripeDataSize();
    long last = (offset + length - 1) / scheme.stripeDataSize();
    long shardStart = shardOffset(first);
    long shardEnd = shardOffset(last) + chunkLength(last);
    return new StripeSpan(first, last - first + 1, shardStart, shardEnd - shardStart);
  }

  /**
   * The part of object bytes {@code [offset, offset + length)} that lies in stripe {@code stripe}
   * (possibly empty), and the data chunks that hold it.
   */
  public StripeSlice slice(long stripe, long offset, long length) {
    checkRange(offset, length);
    long stripeStart = stripeDataOffset(stripe);
    long stripeEnd = stripeStart + stripeDataLength(stripe);
    long from = Math.max(offset, stripeStart);
    long to = Math.min(offset + length, stripeEnd);
    int chunk = chunkLength(stripe);
    if (from >= to) {
      return new StripeSlice(stripe, 0, 0, chunk, 0, -1);
    }
    int inStripe = (int) (from - stripeStart);
    int sliceLength = (int) (to - from);
    return new StripeSlice(
        stripe,
        inStripe,
        sliceLength,
        chunk,
        inStripe / chunk,
        (inStripe + sliceLength - 1) / chunk);
  }

  private void checkStripe(long stripe) {
    long stripes = stripeCount();
    if (stripe < 0 || stripe >= stripes) {
      throw invalid("stripe " + stripe + " is outside [0, " + stripes + ")");
    }
  }

  private void checkRange(long offset, long length) {
    if (offset < 0 || length < 0 || offset > dataLength - length) {
      throw invalid(
          "range offset="
              + offset
              + " length="
              + length
              + " is not within the "
              + dataLength
              + " bytes of data");
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static ErasureException invalid(String message) {
    return new ErasureException(ErasureError.INVALID_ARGUMENT, message);
  }
}
