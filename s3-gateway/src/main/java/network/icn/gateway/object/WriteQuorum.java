package network.icn.gateway.object;

/**
 * The write quorum of ARCHITECTURE §3: a segment is durable enough to commit when at least {@code k
 * + 1} shards are acknowledged and at most {@code floor(m / 2)} are missing (with {@code m = 0},
 * all {@code k} shards). Missing shards are then queued for repair.
 */
public record WriteQuorum(int data, int parity) {
  public WriteQuorum {
    if (data < 1 || parity < 0) {
      throw new IllegalArgumentException("need k >= 1 and m >= 0");
    }
  }

  /** Shards that may be missing from a committed segment. */
  public int maxMissing() {
    return parity / 2;
  }

  /** Shards that must be acknowledged. */
  public int minAcked() {
    return Math.max(Math.min(data + 1, data + parity), data + parity - maxMissing());
  }

  /** Whether {@code acked} acknowledged shards out of {@code k + m} meet the quorum. */
  public boolean met(int acked) {
    return acked >= minAcked();
  }

  /** Whether the quorum can still be met after {@code failed} shards failed. */
  public boolean reachable(int failed) {
    return data + parity - failed >= minAcked();
  }
}
