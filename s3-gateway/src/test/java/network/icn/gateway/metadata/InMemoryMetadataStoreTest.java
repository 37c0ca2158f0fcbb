package network.icn.gateway.metadata;

class InMemoryMetadataStoreTest extends MetadataStoreContract {
  @Override
  KvMetadataStore newStore(MutableClock clock) {
    return new InMemoryMetadataStore(clock);
  }
}
