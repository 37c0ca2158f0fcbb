/**
 * Stripes over the Reed-Solomon codec: the streaming {@link StripeEncoder} (object bytes in, k + m
 * CRC32C-checked chunks per stripe out), the {@link StripeDecoder} (any k good chunks back to exact
 * object bytes, ranges included), and {@link ShardLayout}, the geometry both agree on. Their chunk
 * memory is {@link ChunkSlots}, staggered so the codec's streams use different L1 sets.
 */
package network.icn.erasure.stripe;
