package network.icn.gateway.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * RocksDB with one column family per {@link KvColumn}. Every batch is one {@link WriteBatch}
 * (atomic). A read-write lock keeps close from racing an open cursor (using RocksDB after close
 * would crash the JVM).
 *
 * <p>Durability (unless configured off): {@link #write} returns only once its batch is in the
 * fsync'd WAL. It does not write with {@code sync} itself: it writes the batch, then waits for a
 * group WAL sync ({@link RocksDB#syncWal()}) that covers it. One caller at a time syncs, for every
 * batch written before it started; callers that arrive meanwhile wait on a lock (a parked virtual
 * thread, not a pinned carrier) and are usually covered by the next sync, so N concurrent commits
 * cost about two fsyncs, not N. Before, each synced write held a carrier thread inside RocksDB for
 * its whole fsync, so with two carriers at most two commits could share one. A batch is visible to
 * readers from its write on, a little before it is durable; a commit that fails its sync throws
 * (the request fails) although its batch may be read meanwhile, which is what a failed disk does to
 * RocksDB anyway (its writes stop).
 */
final class RocksKvEngine implements KvEngine {
  /**
   * The memtables of all column families together: RocksDB flushes when they reach this. Without a
   * cap each of the ten families could hold two 64 MiB memtables, and a stream of small inline
   * objects grew the gateway's resident set by that much.
   */
  static final long WRITE_BUFFER_BYTES = 32L << 20;

  /** One block cache for all families; the memtables above are charged to it too. */
  static final long CACHE_BYTES = 64L << 20;

  /** One memtable's size (the default is 64 MiB). */
  static final long MEMTABLE_BYTES = 8L << 20;

  private final LRUCache cache;
  private final WriteBufferManager writeBuffers;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final boolean syncWrites;

  /** Batches written so far; a batch's number is taken after its write returned. */
  private final AtomicLong written = new AtomicLong();

  /** Every batch numbered up to this is in the synced WAL. */
  private volatile long synced;

  /** Held by the one caller running a WAL sync. */
  private final ReentrantLock syncLock = new ReentrantLock();

  /** WAL syncs run so far (tests check that concurrent commits share them). */
  private final AtomicLong walSyncs = new AtomicLong();

  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final Map<KvColumn, ColumnFamilyHandle> columns = new EnumMap<>(KvColumn.class);
  private final RocksDB db;
  private final CursorSteps steps = new CursorSteps();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksKvEngine(Path dir, boolean syncWrites) throws RocksDBException {
    RocksDB.loadLibrary();
    cache = new LRUCache(CACHE_BYTES);
    writeBuffers = new WriteBufferManager(WRITE_BUFFER_BYTES, cache);
    dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setWriteBufferManager(writeBuffers);
    cfOptions =
        new ColumnFamilyOptions()
            .setWriteBufferSize(MEMTABLE_BYTES)
            .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
    this.syncWrites = syncWrites;
    writeOptions = new WriteOptions().setSync(false);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    for (KvColumn column : KvColumn.values()) {
      descriptors.add(
          new ColumnFamilyDescriptor(
              column.familyName().getBytes(StandardCharsets.UTF_8), cfOptions));
    }
    db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
    for (KvColumn column : KvColumn.values()) {
      columns.put(column, handles.get(column.ordinal() + 1));
    }
  }

  static RocksKvEngine open(Path dir, boolean syncWrites) {
    try {
      Files.createDirectories(dir);
      return new RocksKvEngine(dir, syncWrites);
    } catch (RocksDBException | IOException e) {
      throw new MetadataException(
          MetadataError.STORAGE_FAILURE, "cannot open RocksDB metadata in " + dir + ": " + e, e);
    }
  }

  private void enter() {
    lifecycle.readLock().lock();
    if (closed) {
      lifecycle.readLock().unlock();
      throw new MetadataException(MetadataError.STORAGE_FAILURE, "metadata store is closed");
    }
  }

  private void exit() {
    lifecycle.readLock().unlock();
  }

  private static MetadataException failure(String what, RocksDBException e) {
    return new MetadataException(MetadataError.STORAGE_FAILURE, "RocksDB " + what + ": " + e, e);
  }

  @Override
  public byte[] get(KvColumn column, byte[] key) {
    enter();
    try {
      return db.get(columns.get(column), key);
    } catch (RocksDBException e) {
      throw failure("get", e);
    } finally {
      exit();
    }
  }

  @Override
  public void write(KvBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    enter();
    try (WriteBatch writeBatch = new WriteBatch()) {
      for (KvBatch.Op op : batch.ops()) {
        if (op.value() == null) {
          writeBatch.delete(columns.get(op.column()), op.key());
        } else {
          writeBatch.put(columns.get(op.column()), op.key(), op.value());
        }
      }
      db.write(writeOptions, writeBatch);
      long number = written.incrementAndGet();
      if (syncWrites) {
        awaitSynced(number);
      }
    } catch (RocksDBException e) {
      throw failure("write", e);
    } finally {
      exit();
    }
  }

  /** Returns once batch {@code number} is in the synced WAL, running the sync if nobody is. */
  private void awaitSynced(long number) throws RocksDBException {
    while (synced < number) {
      syncLock.lock();
      try {
        if (synced >= number) {
          return; // covered by the sync that ran while we waited
        }
        long covered = written.get(); // every batch numbered so far is already in the WAL
        db.syncWal();
        walSyncs.incrementAndGet();
        synced = covered;
      } finally {
        syncLock.unlock();
      }
    }
  }

  @Override
  public KvCursor cursor(KvColumn column) {
    enter();
    try {
      return new RocksCursor(db.newIterator(columns.get(column)));
    } catch (RuntimeException e) {
      exit();
      throw e;
    }
  }

  /** WAL syncs run since the engine opened. */
  long walSyncs() {
    return walSyncs.get();
  }

  @Override
  public CursorSteps steps() {
    return steps;
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.forEach(ColumnFamilyHandle::close);
      db.close();
      writeOptions.close();
      cfOptions.close();
      dbOptions.close();
      writeBuffers.close();
      cache.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  /** Holds the engine's read lock from creation to close. */
  private final class RocksCursor implements KvCursor {
    private final RocksIterator iterator;
    private boolean open = true;

    RocksCursor(RocksIterator iterator) {
      this.iterator = iterator;
    }

    @Override
    public void seek(byte[] target) {
      steps.seeked();
      iterator.seek(target);
    }

    @Override
    public boolean valid() {
      if (iterator.isValid()) {
        return true;
      }
      try {
        iterator.status();
      } catch (RocksDBException e) {
        throw failure("iterate", e);
      }
      return false;
    }

    @Override
    public byte[] key() {
      return iterator.key();
    }

    @Override
    public byte[] value() {
      return iterator.value();
    }

    @Override
    public void next() {
      steps.stepped();
      iterator.next();
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        iterator.close();
        exit();
      }
    }
  }
}
