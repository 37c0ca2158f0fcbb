package network.icn.agent.store;

import java.util.List;
import java.util.Optional;
import network.icn.agent.client.ShardId;

/**
 * One page of stored shard ids, read from names only (no header is parsed, so a shard whose header
 * is corrupt is still listed); {@code next} is the cursor for the following page, if any.
 */
public record ShardIdPage(List<ShardId> ids, Optional<ShardId> next) {
  public ShardIdPage {
    ids = List.copyOf(ids);
    next = next == null ? Optional.empty() : next;
  }
}
