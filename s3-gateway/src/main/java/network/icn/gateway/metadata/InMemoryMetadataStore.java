package network.icn.gateway.metadata;

import java.time.Clock;

/**
 * The metadata store in memory (sorted maps with RocksDB's byte order), with the same semantics as
 * {@link RocksMetadataStore}: the same logic and codec run over a different engine. For tests of
 * the layers above.
 */
public final class InMemoryMetadataStore extends KvMetadataStore {
  public InMemoryMetadataStore(Clock clock) {
    super(new InMemoryKvEngine(), clock);
  }
}
