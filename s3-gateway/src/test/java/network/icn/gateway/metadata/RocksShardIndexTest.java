package network.icn.gateway.metadata;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class RocksShardIndexTest extends ShardIndexContract {
  @TempDir static Path root;
  private static final AtomicInteger OPENED = new AtomicInteger();

  @Override
  KvMetadataStore newStore(MutableClock clock) {
    return RocksMetadataStore.open(root.resolve("db-" + OPENED.incrementAndGet()), clock, false);
  }
}
