/**
 * Stripes over the Reed-Solomon codec: the streaming {@link StripeEncoder} (object bytes in, k + m
 * CRC32C-checked chunks per stripe out), the {@link StripeDecoder} (any k good chunks back to exact
 * object bytes, ranges included), and {@link ShardLayout}, the geometry both agree on.
 */
package network.icn.erasure.stripe;
