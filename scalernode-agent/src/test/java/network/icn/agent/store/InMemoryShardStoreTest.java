package network.icn.agent.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

final class InMemoryShardStoreTest extends ShardStoreContract {
  @Override
  ShardStore newStore(long capacity) {
    return new InMemoryShardStore(
        capacity, merkle, Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
  }
}
