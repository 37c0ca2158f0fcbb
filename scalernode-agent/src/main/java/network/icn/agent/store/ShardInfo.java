package network.icn.agent.store;

import java.util.Objects;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;

/** A stored shard: its id, what was declared and verified at write time, and when. */
public record ShardInfo(ShardId id, ShardSpec spec, long createdMillis) {
  public ShardInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
  }

  public long size() {
    return spec.size();
  }
}
