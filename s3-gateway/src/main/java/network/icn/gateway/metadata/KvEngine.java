package network.icn.gateway.metadata;

/** The ordered key-value engine under {@link KvMetadataStore}: RocksDB or in-memory maps. */
interface KvEngine extends AutoCloseable {
  /** The value, or {@code null}. */
  byte[] get(KvColumn column, byte[] key);

  /** Applies the batch atomically (durably, for RocksDB with sync writes). */
  void write(KvBatch batch);

  KvCursor cursor(KvColumn column);

  /** Cursor seeks and steps since the engine opened (tests check that listing skips). */
  CursorSteps steps();

  @Override
  void close();
}
