package network.icn.gateway.metadata;

import java.time.Instant;

/**
 * A shard to delete from its node, queued in the same batch that made it unreferenced.
 *
 * @param nodeId the node
 * @param shardId the shard
 * @param enqueued when it was first queued
 * @param attempts failed delete attempts so far
 * @param notBefore the earliest time of the next attempt (the queue is ordered by this)
 */
public record ShardDeletion(
    String nodeId, String shardId, Instant enqueued, int attempts, Instant notBefore) {
  public ShardDeletion {
    Check.keyPart(nodeId, "node id");
    Check.keyPart(shardId, "shard id");
    Check.present(enqueued, "enqueued");
    Check.nonNegative(attempts, "attempts");
    Check.present(notBefore, "not before");
    if (notBefore.toEpochMilli() < 0) {
      throw Check.invalid("not-before must not be before 1970");
    }
  }

  /** A fresh deletion, due immediately. */
  public static ShardDeletion of(String nodeId, String shardId, Instant now) {
    return new ShardDeletion(nodeId, shardId, now, 0, now);
  }

  /** This deletion after one more failed attempt, due again at {@code nextAttempt}. */
  public ShardDeletion retried(Instant nextAttempt) {
    return new ShardDeletion(nodeId, shardId, enqueued, attempts + 1, nextAttempt);
  }
}
