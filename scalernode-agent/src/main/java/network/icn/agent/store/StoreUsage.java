package network.icn.agent.store;

/**
 * Capacity accounting. {@code usedBytes} counts stored shard files (headers included); {@code
 * reservedBytes} counts writes in flight, which also hold capacity until they end.
 */
public record StoreUsage(long capacityBytes, long usedBytes, long reservedBytes, long shardCount) {
  public StoreUsage {
    if (capacityBytes < 0 || usedBytes < 0 || reservedBytes < 0 || shardCount < 0) {
      throw new IllegalArgumentException("usage values must not be negative");
    }
  }

  public long freeBytes() {
    return Math.max(0, capacityBytes - usedBytes - reservedBytes);
  }
}
