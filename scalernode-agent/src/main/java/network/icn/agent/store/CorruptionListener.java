package network.icn.agent.store;

import network.icn.agent.client.ShardId;

/**
 * Told whenever a read, a challenge or the scrubber finds a shard whose bytes fail verification.
 * The agent's implementation quarantines the shard, counts it and logs it once.
 */
@FunctionalInterface
public interface CorruptionListener {
  void corrupt(ShardId id, String detail);
}
