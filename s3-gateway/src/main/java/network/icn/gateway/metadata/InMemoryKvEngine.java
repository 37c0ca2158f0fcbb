package network.icn.gateway.metadata;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One {@link ConcurrentSkipListMap} per column, ordered by unsigned bytes like RocksDB. Batches
 * apply under a write lock and point reads take the read lock, so no reader sees half a batch;
 * cursors are weakly consistent (RocksDB iterators see a snapshot), which listing tolerates.
 */
final class InMemoryKvEngine implements KvEngine {
  private final Map<KvColumn, ConcurrentSkipListMap<byte[], byte[]>> maps =
      new EnumMap<>(KvColumn.class);
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final CursorSteps steps = new CursorSteps();
  private volatile boolean closed;

  InMemoryKvEngine() {
    for (KvColumn column : KvColumn.values()) {
      maps.put(column, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new MetadataException(MetadataError.STORAGE_FAILURE, "metadata store is closed");
    }
  }

  @Override
  public byte[] get(KvColumn column, byte[] key) {
    checkOpen();
    lock.readLock().lock();
    try {
      byte[] value = maps.get(column).get(key);
      return value == null ? null : value.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(KvBatch batch) {
    checkOpen();
    lock.writeLock().lock();
    try {
      for (KvBatch.Op op : batch.ops()) {
        if (op.value() == null) {
          maps.get(op.column()).remove(op.key());
        } else {
          maps.get(op.column()).put(op.key().clone(), op.value().clone());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public KvCursor cursor(KvColumn column) {
    checkOpen();
    return new MapCursor(maps.get(column));
  }

  @Override
  public CursorSteps steps() {
    return steps;
  }

  @Override
  public void close() {
    closed = true;
  }

  private final class MapCursor implements KvCursor {
    private final ConcurrentSkipListMap<byte[], byte[]> map;
    private Map.Entry<byte[], byte[]> current;

    MapCursor(ConcurrentSkipListMap<byte[], byte[]> map) {
      this.map = map;
    }

    @Override
    public void seek(byte[] target) {
      steps.seeked();
      current = map.ceilingEntry(target);
    }

    @Override
    public boolean valid() {
      return current != null;
    }

    @Override
    public byte[] key() {
      return current.getKey().clone();
    }

    @Override
    public byte[] value() {
      return current.getValue().clone();
    }

    @Override
    public void next() {
      steps.stepped();
      current = map.higherEntry(current.getKey());
    }

    @Override
    public void close() {}
  }
}
