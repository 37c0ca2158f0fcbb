package network.icn.agent.scrub;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import network.icn.agent.client.ShardId;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.ShardStore;

/**
 * What the agent does with a shard that failed verification (found by a read, a challenge or the
 * scrubber): moves it out of service, counts it once and logs it once. Reporting the same shard
 * twice (two readers racing) counts it once, because only the first quarantine finds it.
 */
public final class Quarantine implements CorruptionListener {
  private static final Logger LOG = System.getLogger(Quarantine.class.getName());

  private final ShardStore store;
  private final AgentMetrics metrics;

  public Quarantine(ShardStore store, AgentMetrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void corrupt(ShardId id, String detail) {
    if (store.quarantine(id)) {
      metrics.corruptShard();
      LOG.log(Level.ERROR, "quarantined corrupt shard " + id + ": " + detail);
    }
  }
}
