package network.icn.agent.store;

import java.util.List;
import java.util.Optional;
import network.icn.agent.client.ShardId;

/** One page of a shard listing; {@code next} is the cursor for the following page, if any. */
public record ShardPage(List<ShardInfo> shards, Optional<ShardId> next) {
  public ShardPage {
    shards = List.copyOf(shards);
    next = next == null ? Optional.empty() : next;
  }
}
