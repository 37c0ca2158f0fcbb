package network.icn.gateway.metadata;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded default: RocksDB with one column family per kind of record (see {@link KvColumn}),
 * every mutation one {@code WriteBatch} written with {@code sync} so an acknowledged commit
 * survives a machine crash.
 */
public final class RocksMetadataStore extends KvMetadataStore {
  private RocksMetadataStore(RocksKvEngine engine, Clock clock) {
    super(engine, clock);
  }

  /** Opens (creating if needed) the store in {@code dir} with synchronous writes. */
  public static RocksMetadataStore open(Path dir, Clock clock) {
    return open(dir, clock, true);
  }

  /**
   * Opens the store; {@code syncWrites = false} keeps the WAL but skips fsync (survives a process
   * crash, not a machine crash) and is meant for tests and bulk loads.
   */
  public static RocksMetadataStore open(Path dir, Clock clock, boolean syncWrites) {
    return new RocksMetadataStore(RocksKvEngine.open(dir, syncWrites), clock);
  }
}
