package network.icn.agent.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/**
 * One {@link ShardStore} over several data directories, each a {@link FileShardStore} with its own
 * layout, {@code usage.idx}, {@code tmp/} cleanup, {@code quarantine/} and {@code LOCK}.
 *
 * <ul>
 *   <li><b>Placement</b> of a new shard: weighted rendezvous hashing. Each directory scores {@code
 *       free / -ln(u)}, where {@code u} in (0, 1) is a hash of the shard id and the directory's
 *       path, and {@code free} is its unused offered capacity. The highest score wins, so one id
 *       always lands on the same directory for the same free space, ids spread in proportion to
 *       free space, and a filling disk gets fewer new shards. Directories with room for the shard
 *       come first (for a put whose size comes later, room means 4 MiB); the rest follow as a last
 *       resort. A directory whose store says it is full (offered capacity or disk) is passed over
 *       for the next; {@code INSUFFICIENT_STORAGE} only when none takes it.
 *   <li><b>Running out mid-put:</b> if a directory fills while a shard streams in, the bytes it has
 *       so far are copied to the next directory in the order and the put goes on there; nothing is
 *       left behind in the first.
 *   <li><b>Finding shards:</b> an in-memory map id → directory, built at startup from each store's
 *       file names ({@link ShardStore#ids}) and kept up to date by commits, deletes and
 *       quarantines. About 100 bytes per shard. If two directories hold the same id (an operator
 *       copied files), the first directory's copy is served and listed.
 *   <li><b>Listing</b> ({@link #list}, {@link #ids}) is a k-way merge of every directory's page in
 *       the file store's listing order (hash prefix, then id), so cursors work across directories.
 *   <li><b>Failing directory:</b> an I/O error from a directory takes it out of placement for new
 *       shards until restart (reads still go to it), counts a disk error for that directory, and
 *       reports it to the {@link DiskErrorListener} when the request went on elsewhere (an error
 *       that reaches the caller is counted by the caller). Its free space leaves {@link #usage}.
 * </ul>
 */
public final class MultiDirShardStore implements ShardStore {
  /** Told of an I/O error the store recovered from by using another directory. */
  @FunctionalInterface
  public interface DiskErrorListener {
    void diskError(Path dataDir, AgentException cause);
  }

  /** One directory's state, for operators and tests. */
  public record Directory(Path path, boolean acceptingWrites, long diskErrors, StoreUsage usage) {
    public Directory {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(usage, "usage");
    }
  }

  private static final int LOCK_STRIPES = 64;

  /** Room a directory needs to be preferred for a put whose size is not known yet. */
  private static final long DEFERRED_ROOM = 4L * 1024 * 1024;

  private final List<Dir> dirs;
  private final Map<ShardId, Integer> locations = new ConcurrentHashMap<>();
  private final ReentrantLock[] idLocks = new ReentrantLock[LOCK_STRIPES];
  private final DiskErrorListener diskErrors;

  private MultiDirShardStore(List<FileShardStore> stores, DiskErrorListener diskErrors) {
    List<Dir> list = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      list.add(new Dir(i, stores.get(i)));
    }
    this.dirs = List.copyOf(list);
    this.diskErrors = Objects.requireNonNull(diskErrors, "diskErrors");
    for (int i = 0; i < LOCK_STRIPES; i++) {
      idLocks[i] = new ReentrantLock();
    }
    for (Dir dir : dirs) {
      Optional<ShardId> cursor = Optional.empty();
      do {
        ShardIdPage page = dir.store.ids(cursor, 4096);
        page.ids().forEach(id -> locations.putIfAbsent(id, dir.index));
        cursor = page.next();
      } while (cursor.isPresent());
    }
  }

  /**
   * Opens one {@link FileShardStore} per directory (in order; the first is the primary, which also
   * holds the node key) with the matching capacity, then indexes them. If one cannot be opened,
   * those already opened are closed again.
   */
  public static MultiDirShardStore open(
      List<Path> roots,
      List<Long> capacities,
      ShardMerkle merkle,
      Clock clock,
      RandomGenerator random,
      FileShardStore.DiskSpace diskSpace,
      DiskErrorListener diskErrors) {
    if (roots.isEmpty() || roots.size() != capacities.size()) {
      throw new IllegalArgumentException("need one capacity per data directory");
    }
    List<FileShardStore> stores = new ArrayList<>();
    try {
      for (int i = 0; i < roots.size(); i++) {
        stores.add(
            FileShardStore.open(
                roots.get(i),
                capacities.get(i),
                merkle,
                clock,
                new SplittableRandom(random.nextLong()),
                diskSpace));
      }
      return new MultiDirShardStore(stores, diskErrors);
    } catch (RuntimeException e) {
      stores.forEach(MultiDirShardStore::closeQuietly);
      throw e;
    }
  }

  @Override
  public ShardWriter create(ShardId id, ShardSpec spec) {
    MultiDirWriter writer =
        new MultiDirWriter(id, spec, 0, candidates(id, ShardFileFormat.fileLength(id, spec)));
    writer.openNext(null);
    return writer;
  }

  @Override
  public ShardWriter createDeferred(ShardId id, int chunkSize) {
    MultiDirWriter writer = new MultiDirWriter(id, null, chunkSize, candidates(id, DEFERRED_ROOM));
    writer.openNext(null);
    return writer;
  }

  @Override
  public Optional<ShardInfo> stat(ShardId id) {
    Integer at = locations.get(id);
    if (at == null) {
      return Optional.empty();
    }
    Optional<ShardInfo> info = on(dirs.get(at), () -> dirs.get(at).store.stat(id));
    if (info.isEmpty()) {
      locations.remove(id, at);
    }
    return info;
  }

  @Override
  public ShardReader open(ShardId id) {
    Integer at = locations.get(id);
    if (at == null) {
      throw new AgentException(AgentError.NOT_FOUND, "no shard " + id);
    }
    try {
      return on(dirs.get(at), () -> dirs.get(at).store.open(id));
    } catch (AgentException e) {
      if (e.error() == AgentError.NOT_FOUND) {
        locations.remove(id, at);
      }
      throw e;
    }
  }

  @Override
  public boolean delete(ShardId id) {
    return underLock(
        id,
        () -> {
          Integer at = locations.remove(id);
          return at != null && on(dirs.get(at), () -> dirs.get(at).store.delete(id));
        });
  }

  @Override
  public boolean quarantine(ShardId id) {
    return underLock(
        id,
        () -> {
          Integer at = locations.remove(id);
          return at != null && on(dirs.get(at), () -> dirs.get(at).store.quarantine(id));
        });
  }

  @Override
  public ShardPage list(Optional<ShardId> after, int limit) {
    List<List<ShardInfo>> pages = new ArrayList<>();
    List<Optional<ShardId>> nexts = new ArrayList<>();
    for (Dir dir : dirs) {
      ShardPage page = on(dir, () -> dir.store.list(after, limit));
      pages.add(page.shards());
      nexts.add(page.next());
    }
    Merged<ShardInfo> merged = merge(pages, nexts, ShardInfo::id, limit);
    return new ShardPage(merged.items(), merged.next());
  }

  @Override
  public ShardIdPage ids(Optional<ShardId> after, int limit) {
    List<List<ShardId>> pages = new ArrayList<>();
    List<Optional<ShardId>> nexts = new ArrayList<>();
    for (Dir dir : dirs) {
      ShardIdPage page = on(dir, () -> dir.store.ids(after, limit));
      pages.add(page.ids());
      nexts.add(page.next());
    }
    Merged<ShardId> merged = merge(pages, nexts, Function.identity(), limit);
    return new ShardIdPage(merged.items(), merged.next());
  }

  private record Merged<T>(List<T> items, Optional<ShardId> next) {}

  /**
   * Merges per-directory pages (each sorted in listing order) into one page of at most {@code
   * limit}. A directory that has more beyond its page bounds the merge at its page's last id: past
   * that, ids it has not returned yet could come first.
   */
  private static <T> Merged<T> merge(
      List<List<T>> pages, List<Optional<ShardId>> nexts, Function<T, ShardId> idOf, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    String bound = null;
    for (Optional<ShardId> next : nexts) {
      if (next.isPresent()) {
        String key = FileShardStore.listingKey(next.get());
        bound = bound == null || key.compareTo(bound) < 0 ? key : bound;
      }
    }
    TreeMap<String, T> sorted = new TreeMap<>();
    for (List<T> page : pages) {
      for (T item : page) {
        sorted.putIfAbsent(FileShardStore.listingKey(idOf.apply(item)), item);
      }
    }
    List<T> items = new ArrayList<>();
    for (Map.Entry<String, T> e : sorted.entrySet()) {
      if (items.size() == limit || (bound != null && e.getKey().compareTo(bound) > 0)) {
        break;
      }
      items.add(e.getValue());
    }
    boolean more = items.size() == limit || bound != null;
    return new Merged<>(
        items,
        more && !items.isEmpty() ? Optional.of(idOf.apply(items.getLast())) : Optional.empty());
  }

  /** The sum over directories; a directory out of placement offers no free space. */
  @Override
  public StoreUsage usage() {
    long capacity = 0;
    long used = 0;
    long reserved = 0;
    long count = 0;
    for (Dir dir : dirs) {
      StoreUsage u = dir.store.usage();
      capacity +=
          dir.writable.get()
              ? u.capacityBytes()
              : Math.min(u.capacityBytes(), u.usedBytes() + u.reservedBytes());
      used += u.usedBytes();
      reserved += u.reservedBytes();
      count += u.shardCount();
    }
    return new StoreUsage(capacity, used, reserved, count);
  }

  /** Each directory's state, in configuration order. */
  public List<Directory> directories() {
    return dirs.stream()
        .map(d -> new Directory(d.store.root(), d.writable.get(), d.errors.get(), d.store.usage()))
        .toList();
  }

  /** The data directory holding {@code id}, if any. */
  public Optional<Path> locationOf(ShardId id) {
    return Optional.ofNullable(locations.get(id)).map(i -> dirs.get(i).store.root());
  }

  /** The directories a new shard needing {@code room} bytes would try, best first (tests). */
  List<Path> placementOrder(ShardId id, long room) {
    return candidates(id, room).stream().map(d -> d.store.root()).toList();
  }

  /** The file {@code id} lives in (for fault-injection tests and operators); NOT_FOUND if none. */
  public Path fileOf(ShardId id) {
    Integer at = locations.get(id);
    if (at == null) {
      throw new AgentException(AgentError.NOT_FOUND, "no shard " + id);
    }
    return dirs.get(at).store.fileOf(id);
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Dir dir : dirs) {
      try {
        dir.store.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Directories to try for a new shard, best first: where the id already is (so the store there
   * decides idempotent re-put or conflict), then those with {@code room} free by rendezvous score,
   * then the rest by score. Directories out of placement are left out.
   */
  private List<Dir> candidates(ShardId id, long room) {
    long idHash = idHash(id);
    Integer at = locations.get(id);
    record Scored(Dir dir, boolean fits, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (Dir dir : dirs) {
      if (!dir.writable.get() || (at != null && at == dir.index)) {
        continue;
      }
      long free = dir.store.usage().freeBytes();
      double u = ((mix(idHash ^ dir.seed) >>> 11) + 0.5) / 0x1p53;
      scored.add(new Scored(dir, free >= room, free / -Math.log(u)));
    }
    scored.sort(
        Comparator.comparing(Scored::fits)
            .thenComparingDouble(Scored::score)
            .reversed()
            .thenComparingInt(s -> s.dir().index));
    List<Dir> out = new ArrayList<>();
    if (at != null && dirs.get(at).writable.get()) {
      out.add(dirs.get(at));
    }
    scored.forEach(s -> out.add(s.dir()));
    return out;
  }

  private static long idHash(ShardId id) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(id.value().getBytes(StandardCharsets.US_ASCII));
      return ByteBuffer.wrap(d).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** SplitMix64's finalizer: a cheap, well-mixed 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Runs {@code op} on {@code dir}; an I/O error takes the directory out of placement. */
  private <T> T on(Dir dir, Supplier<T> op) {
    try {
      return op.get();
    } catch (AgentException e) {
      if (e.error() == AgentError.IO_ERROR) {
        dir.failed();
      }
      throw e;
    }
  }

  private <T> T underLock(ShardId id, Supplier<T> op) {
    ReentrantLock lock = idLocks[Math.floorMod(id.value().hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return op.get();
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(FileShardStore store) {
    try {
      store.close();
    } catch (RuntimeException e) {
      // Already failing to open; the first error is the one reported.
    }
  }

  private static final class Dir {
    final int index;
    final FileShardStore store;
    final long seed;
    final AtomicBoolean writable = new AtomicBoolean(true);
    final AtomicLong errors = new AtomicLong();

    Dir(int index, FileShardStore store) {
      this.index = index;
      this.store = store;
      this.seed = mix(store.root().toString().hashCode());
    }

    void failed() {
      errors.incrementAndGet();
      writable.set(false);
    }
  }

  /**
   * Writes to one directory at a time, moving to the next candidate when the current one is full
   * (copying what it holds so far) and committing under the id's lock so an id never ends up
   * committed in two directories.
   */
  private final class MultiDirWriter implements ShardWriter {
    private final ShardId id;
    private final ShardSpec declared;
    private final int chunkSize;
    private final List<Dir> remaining;
    private Dir dir;
    private FileShardStore.FileWriter current;
    private boolean done;

    MultiDirWriter(ShardId id, ShardSpec declared, int chunkSize, List<Dir> candidates) {
      this.id = id;
      this.declared = declared;
      this.chunkSize = chunkSize;
      this.remaining = new ArrayList<>(candidates);
    }

    /**
     * Opens a writer on the next candidate that takes it; {@code INSUFFICIENT_STORAGE} (after
     * {@code cause}, if the previous directory filled up) when none does.
     */
    void openNext(AgentException cause) {
      AgentException last = cause;
      while (!remaining.isEmpty()) {
        Dir next = remaining.removeFirst();
        try {
          current =
              declared != null
                  ? next.store.createSpillable(id, declared)
                  : next.store.createDeferredSpillable(id, chunkSize);
          dir = next;
          return;
        } catch (AgentException e) {
          switch (e.error()) {
            case INSUFFICIENT_STORAGE -> last = e;
            case IO_ERROR -> {
              next.failed();
              diskErrors.diskError(next.store.root(), e);
              last = e;
            }
            default -> throw e;
          }
        }
      }
      current = null;
      done = true;
      throw new AgentException(
          AgentError.INSUFFICIENT_STORAGE, "no data directory has room for shard " + id, last);
    }

    @Override
    public void write(ByteBuffer data) {
      ensureOpen();
      try {
        writeThrough(data);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private void writeThrough(ByteBuffer data) {
      while (true) {
        try {
          current.write(data.duplicate());
          data.position(data.limit());
          return;
        } catch (AgentException e) {
          if (e.error() == AgentError.IO_ERROR) {
            dir.failed();
          }
          if (!current.isFull()) {
            throw e;
          }
          FileShardStore.FileWriter full = current;
          try {
            openNext(e);
            full.replayInto(this::writeThrough);
          } finally {
            full.close();
          }
        }
      }
    }

    @Override
    public PutOutcome commit() {
      if (declared == null) {
        throw new IllegalStateException("a deferred write commits with the spec");
      }
      return commit(declared);
    }

    @Override
    public PutOutcome commit(ShardSpec spec) {
      ensureOpen();
      try {
        return underLock(
            id,
            () -> {
              Integer holder = locations.get(id);
              if (holder != null && holder != dir.index) {
                Dir other = dirs.get(holder);
                Optional<ShardInfo> existing = on(other, () -> other.store.stat(id));
                if (existing.isPresent()) {
                  if (!existing.get().spec().equals(spec)) {
                    throw new AgentException(
                        AgentError.CONFLICT, "a different shard is already stored under id " + id);
                  }
                  return new PutOutcome(existing.get(), false);
                }
                locations.remove(id, holder);
              }
              PutOutcome outcome = on(dir, () -> current.commit(spec));
              locations.put(id, dir.index);
              return outcome;
            });
      } finally {
        close();
      }
    }

    private void ensureOpen() {
      if (done) {
        throw new IllegalStateException("writer for shard " + id + " is already closed");
      }
    }

    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      if (current != null) {
        current.close();
      }
    }
  }
}
