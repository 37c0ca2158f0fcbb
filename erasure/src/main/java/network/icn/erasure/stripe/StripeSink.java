package network.icn.erasure.stripe;

/**
 * Receives every encoded stripe from a {@link StripeEncoder}, in order. Decorators (for example
 * {@link ShardDigester}) can be stacked in front of the real sink.
 */
@FunctionalInterface
public interface StripeSink {

  /**
   * Takes one stripe. The stripe's chunk buffers are read-only views of the encoder's reusable
   * memory and are valid <b>only during this call</b>: copy or write them out before returning. An
   * exception thrown here propagates to the encoder's caller and leaves the encoder unusable.
   */
  void accept(EncodedStripe stripe);
}
