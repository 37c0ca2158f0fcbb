package network.icn.gateway.metadata;

class InMemoryShardIndexTest extends ShardIndexContract {
  @Override
  KvMetadataStore newStore(MutableClock clock) {
    return new InMemoryMetadataStore(clock);
  }
}
