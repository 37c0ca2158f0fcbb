package network.icn.erasure.stripe;

/**
 * One chunk: chunk {@code shard} of stripe {@code stripe}.
 *
 * @param stripe the stripe index
 * @param shard the shard index, data shards first
 */
public record ChunkId(long stripe, int shard) {

  public ChunkId {
    if (stripe < 0 || shard < 0) {
      throw new IllegalArgumentException("stripe and shard must be >= 0");
    }
  }
}
