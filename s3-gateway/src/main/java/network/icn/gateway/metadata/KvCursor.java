package network.icn.gateway.metadata;

/** A forward cursor over one column in unsigned byte order. Not thread-safe. */
interface KvCursor extends AutoCloseable {
  /** Positions at the first key {@code >= target}. */
  void seek(byte[] target);

  boolean valid();

  byte[] key();

  byte[] value();

  void next();

  @Override
  void close();
}
