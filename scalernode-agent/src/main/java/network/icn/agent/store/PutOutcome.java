package network.icn.agent.store;

import java.util.Objects;

/** The result of a committed put: the stored shard, and whether this put created it. */
public record PutOutcome(ShardInfo info, boolean created) {
  public PutOutcome {
    Objects.requireNonNull(info, "info");
  }
}
