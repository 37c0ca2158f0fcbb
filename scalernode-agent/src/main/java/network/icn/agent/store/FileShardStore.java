package network.icn.agent.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/**
 * The shard store on a local file system. Layout under the data directory:
 *
 * <ul>
 *   <li>{@code shards/ab/cd/<id>.shard}: committed shards; {@code ab/cd} are the first two bytes of
 *       SHA-256(id) in hex, so directories stay small whatever ids the gateway picks;
 *   <li>{@code tmp/}: writes in flight, removed at startup (a crash leaves them behind);
 *   <li>{@code quarantine/}: shards whose bytes failed verification, kept for the operator;
 *   <li>{@code usage.idx}: capacity totals written at clean shutdown, consumed at startup;
 *   <li>{@code LOCK}: held while a store is open, so two agents never share a directory.
 * </ul>
 *
 * A put writes to a temp file, verifies every chunk as it arrives (or, when the spec comes after
 * the bytes, computes the chunk CRCs and compares them at the end), fsyncs the file, renames it
 * into place atomically and fsyncs the directory. Nothing partial is ever visible under {@code
 * shards/}.
 */
public final class FileShardStore implements ShardStore {
  /** Free-space probe, injectable so tests can simulate a full disk. */
  @FunctionalInterface
  public interface DiskSpace {
    long usableBytes(Path dir) throws IOException;
  }

  private static final String SUFFIX = ".shard";
  private static final int LOCK_STRIPES = 64;
  private static final int USAGE_MAGIC = 0x49435553; // "ICUS"

  /** A deferred-spec write reserves capacity ahead of its bytes in steps of this size. */
  private static final long RESERVE_STEP = 4L * 1024 * 1024;

  /**
   * A writer starts a background {@code fdatasync} of what it wrote each time this much more has
   * arrived (one at a time), so a large shard reaches the disk while it streams instead of all at
   * its commit. The commit's own fsync, rename and directory fsync are unchanged.
   */
  static final long EARLY_FLUSH_BYTES = 4L * 1024 * 1024;

  private final Path root;
  private final Path shardsDir;
  private final Path tmpDir;
  private final Path quarantineDir;
  private final long capacityBytes;
  private final ShardMerkle merkle;
  private final Clock clock;
  private final RandomGenerator random;
  private final DiskSpace diskSpace;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ReentrantLock[] idLocks = new ReentrantLock[LOCK_STRIPES];
  private final Object capacityMonitor = new Object();
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong count = new AtomicLong();
  private final boolean startedFromIndex;

  private FileShardStore(
      Path root,
      long capacityBytes,
      ShardMerkle merkle,
      Clock clock,
      RandomGenerator random,
      DiskSpace diskSpace)
      throws IOException {
    this.root = root;
    this.shardsDir = root.resolve("shards");
    this.tmpDir = root.resolve("tmp");
    this.quarantineDir = root.resolve("quarantine");
    this.capacityBytes = capacityBytes;
    this.merkle = merkle;
    this.clock = clock;
    this.random = random;
    this.diskSpace = diskSpace;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      idLocks[i] = new ReentrantLock();
    }
    Files.createDirectories(shardsDir);
    Files.createDirectories(tmpDir);
    Files.createDirectories(quarantineDir);
    this.lockChannel =
        FileChannel.open(root.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      lockChannel.close();
      throw new IOException("another agent is using the data directory " + root);
    }
    this.lock = acquired;
    cleanTemp();
    this.startedFromIndex = loadUsageIndex();
    if (!startedFromIndex) {
      scanUsage();
    }
  }

  /**
   * Opens (creating if needed) a store in {@code root}.
   *
   * @param merkle recomputes the Merkle root of every put, or {@code null} to trust the declared
   *     root (saves roughly one SHA-256 pass over the data)
   */
  public static FileShardStore open(
      Path root,
      long capacityBytes,
      ShardMerkle merkle,
      Clock clock,
      RandomGenerator random,
      DiskSpace diskSpace) {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    try {
      return new FileShardStore(
          root.toAbsolutePath(),
          capacityBytes,
          merkle,
          Objects.requireNonNull(clock, "clock"),
          Objects.requireNonNull(random, "random"),
          Objects.requireNonNull(diskSpace, "diskSpace"));
    } catch (IOException e) {
      throw new AgentException(
          AgentError.IO_ERROR, "cannot open shard store: " + e.getMessage(), e);
    }
  }

  /** The default probe: the file store's usable space. */
  public static long usableSpace(Path dir) throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /** The data directory this store lives in. */
  public Path root() {
    return root;
  }

  /** True if startup took the totals from the clean-shutdown index rather than a scan. */
  public boolean startedFromIndex() {
    return startedFromIndex;
  }

  @Override
  public ShardWriter create(ShardId id, ShardSpec spec) {
    Optional<ShardInfo> existing = stat(id);
    if (existing.isPresent() && !existing.get().spec().equals(spec)) {
      throw conflict(id);
    }
    long fileLength = ShardFileFormat.fileLength(id, spec);
    reserve(id, fileLength, fileLength);
    return openWriter(
        id,
        spec,
        IncomingShardVerifier.declared(spec, merkle == null ? null : merkle.newRootBuilder()),
        fileLength);
  }

  @Override
  public ShardWriter createDeferred(ShardId id, int chunkSize) {
    IncomingShardVerifier verifier =
        IncomingShardVerifier.deferred(chunkSize, merkle == null ? null : merkle.newRootBuilder());
    long initial = ShardFileFormat.fileLength(id, 0, 0);
    return openWriter(id, null, verifier, reserve(id, initial, initial + RESERVE_STEP));
  }

  /**
   * Like {@link #create}, but a write that runs out of room keeps what it has written so the caller
   * can move it to another directory ({@link FileWriter#replayInto}).
   */
  FileWriter createSpillable(ShardId id, ShardSpec spec) {
    FileWriter writer = (FileWriter) create(id, spec);
    writer.keepWhenFull = true;
    return writer;
  }

  /** Like {@link #createDeferred}, keeping what was written when it runs out of room. */
  FileWriter createDeferredSpillable(ShardId id, int chunkSize) {
    FileWriter writer = (FileWriter) createDeferred(id, chunkSize);
    writer.keepWhenFull = true;
    return writer;
  }

  private FileWriter openWriter(
      ShardId id, ShardSpec spec, IncomingShardVerifier verifier, long reservation) {
    Path temp = tmpDir.resolve(id.value() + "." + Long.toHexString(random.nextLong()) + ".tmp");
    try {
      FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      return new FileWriter(id, spec, verifier, reservation, temp, channel);
    } catch (IOException e) {
      reserved.addAndGet(-reservation);
      throw ioFailure("cannot create a temp file for shard " + id, e);
    }
  }

  /**
   * Reserves between {@code atLeast} and {@code atMost} bytes (as much as fits) of the offered
   * capacity and the usable disk; returns the amount reserved. {@code INSUFFICIENT_STORAGE} if not
   * even {@code atLeast} fits.
   */
  private long reserve(ShardId id, long atLeast, long atMost) {
    synchronized (capacityMonitor) {
      long free = capacityBytes - used.get() - reserved.get();
      if (atLeast > free) {
        throw new AgentException(
            AgentError.INSUFFICIENT_STORAGE,
            "shard "
                + id
                + " needs "
                + atLeast
                + " more bytes but only "
                + Math.max(0, free)
                + " of the offered capacity are free");
      }
      long usable;
      try {
        usable = diskSpace.usableBytes(tmpDir) - reserved.get();
      } catch (IOException e) {
        throw ioFailure("cannot read free disk space", e);
      }
      if (atLeast > usable) {
        throw new AgentException(
            AgentError.INSUFFICIENT_STORAGE, "the disk is full: shard " + id + " does not fit");
      }
      long grant = Math.min(atMost, Math.min(free, usable));
      reserved.addAndGet(grant);
      return grant;
    }
  }

  @Override
  public Optional<ShardInfo> stat(ShardId id) {
    Path path = pathOf(id);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return Optional.of(readHeader(channel, path).info());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ioFailure("cannot read shard " + id, e);
    }
  }

  @Override
  public ShardReader open(ShardId id) {
    Path path = pathOf(id);
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new AgentException(AgentError.NOT_FOUND, "no shard " + id);
    } catch (IOException e) {
      throw ioFailure("cannot open shard " + id, e);
    }
    try {
      ShardFileFormat.Header header = readHeader(channel, path);
      long expected = header.fileLength();
      if (channel.size() != expected) {
        throw new AgentException(
            AgentError.CORRUPT_SHARD, path + ": file length differs from its header");
      }
      ByteBuffer footer = ByteBuffer.allocate(ShardFileFormat.FOOTER_LENGTH);
      readFully(channel, footer, expected - ShardFileFormat.FOOTER_LENGTH);
      ShardFileFormat.checkFooter(footer.flip(), header.headerCrc(), path.toString());
      return new FileReader(channel, header);
    } catch (IOException e) {
      closeQuietly(channel);
      throw ioFailure("cannot read shard " + id, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public boolean delete(ShardId id) {
    Path path = pathOf(id);
    ReentrantLock l = lockFor(id);
    l.lock();
    try {
      long length;
      try {
        length = Files.size(path);
      } catch (NoSuchFileException e) {
        return false;
      }
      Files.delete(path);
      used.addAndGet(-length);
      count.decrementAndGet();
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw ioFailure("cannot delete shard " + id, e);
    } finally {
      l.unlock();
    }
  }

  @Override
  public boolean quarantine(ShardId id) {
    Path path = pathOf(id);
    ReentrantLock l = lockFor(id);
    l.lock();
    try {
      long length;
      try {
        length = Files.size(path);
      } catch (NoSuchFileException e) {
        return false;
      }
      Path target = quarantineDir.resolve(id.value() + "." + clock.millis() + SUFFIX);
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
      fsyncDirectory(path.getParent());
      used.addAndGet(-length);
      count.decrementAndGet();
      return true;
    } catch (IOException e) {
      throw ioFailure("cannot quarantine shard " + id, e);
    } finally {
      l.unlock();
    }
  }

  @Override
  public ShardPage list(Optional<ShardId> after, int limit) {
    List<ShardInfo> out = new ArrayList<>();
    Optional<ShardId> next =
        walk(
            after,
            limit,
            id -> {
              Optional<ShardInfo> info = statQuietly(id);
              info.ifPresent(out::add);
              return info.isPresent();
            });
    return new ShardPage(out, next);
  }

  @Override
  public ShardIdPage ids(Optional<ShardId> after, int limit) {
    List<ShardId> out = new ArrayList<>();
    Optional<ShardId> next = walk(after, limit, out::add);
    return new ShardIdPage(out, next);
  }

  /**
   * Visits the stored ids after {@code after} in listing order (hash prefix, then id). Stops once
   * {@code limit} visits have returned true and returns the last id visited as the next cursor, or
   * empty when the walk reached the end.
   */
  private Optional<ShardId> walk(Optional<ShardId> after, int limit, Predicate<ShardId> visit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    String cursorFan = after.map(FileShardStore::fanOut).orElse("");
    int taken = 0;
    try {
      for (Path l1 : sortedChildren(shardsDir)) {
        String n1 = l1.getFileName().toString();
        if (!cursorFan.isEmpty() && n1.compareTo(cursorFan.substring(0, 2)) < 0) {
          continue;
        }
        for (Path l2 : sortedChildren(l1)) {
          String fan = n1 + l2.getFileName().toString();
          int cmp = cursorFan.isEmpty() ? 1 : fan.compareTo(cursorFan);
          if (cmp < 0) {
            continue;
          }
          for (Path file : sortedChildren(l2)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(SUFFIX)) {
              continue;
            }
            ShardId id = ShardId.parseOrNull(name.substring(0, name.length() - SUFFIX.length()));
            if (id == null || (cmp == 0 && id.compareTo(after.orElseThrow()) <= 0)) {
              continue;
            }
            if (visit.test(id) && ++taken == limit) {
              return Optional.of(id);
            }
          }
        }
      }
    } catch (IOException e) {
      throw ioFailure("cannot list shards", e);
    }
    return Optional.empty();
  }

  private Optional<ShardInfo> statQuietly(ShardId id) {
    try {
      return stat(id);
    } catch (AgentException e) {
      // A shard whose header cannot be read has no metadata to list; the scrubber, which walks
      // ids() rather than list(), finds and quarantines it.
      if (e.error() == AgentError.CORRUPT_SHARD) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public StoreUsage usage() {
    return new StoreUsage(
        capacityBytes, Math.max(0, used.get()), Math.max(0, reserved.get()), count.get());
  }

  @Override
  public void close() {
    try {
      writeUsageIndex();
    } catch (IOException e) {
      // Not fatal: the next start scans instead.
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw ioFailure("cannot release the data directory lock", e);
    }
  }

  Path pathOf(ShardId id) {
    String fan = fanOut(id);
    return shardsDir
        .resolve(fan.substring(0, 2))
        .resolve(fan.substring(2, 4))
        .resolve(id.value() + SUFFIX);
  }

  /** The file a shard lives in (for fault-injection tests and operators). */
  public Path fileOf(ShardId id) {
    return pathOf(id);
  }

  /**
   * A string whose natural order is the listing order (hash prefix, then id): the prefix has a
   * fixed length, so comparing the concatenation compares the prefix first.
   */
  static String listingKey(ShardId id) {
    return fanOut(id) + id.value();
  }

  static String fanOut(ShardId id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(id.value().getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private ReentrantLock lockFor(ShardId id) {
    return idLocks[Math.floorMod(id.value().hashCode(), LOCK_STRIPES)];
  }

  private static ShardFileFormat.Header readHeader(FileChannel channel, Path path)
      throws IOException {
    return ShardFileFormat.read(channel, path.toString());
  }

  private static void readFully(FileChannel channel, ByteBuffer dst, long position)
      throws IOException {
    ShardFileFormat.readFully(channel, dst, position);
  }

  private static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    children.sort(null);
    return children;
  }

  private void cleanTemp() throws IOException {
    for (Path temp : sortedChildren(tmpDir)) {
      Files.deleteIfExists(temp);
    }
  }

  private void scanUsage() throws IOException {
    long bytes = 0;
    long shards = 0;
    for (Path l1 : sortedChildren(shardsDir)) {
      for (Path l2 : sortedChildren(l1)) {
        for (Path file : sortedChildren(l2)) {
          if (file.getFileName().toString().endsWith(SUFFIX)) {
            bytes += Files.size(file);
            shards++;
          }
        }
      }
    }
    used.set(bytes);
    count.set(shards);
  }

  private boolean loadUsageIndex() throws IOException {
    Path index = root.resolve("usage.idx");
    if (!Files.exists(index)) {
      return false;
    }
    byte[] raw = Files.readAllBytes(index);
    // Consume it: if we crash from here on, the next start must scan.
    Files.delete(index);
    fsyncDirectory(root);
    if (raw.length != 24) {
      return false;
    }
    ByteBuffer buf = ByteBuffer.wrap(raw);
    CRC32C crc = new CRC32C();
    crc.update(raw, 0, 20);
    if (buf.getInt(0) != USAGE_MAGIC || buf.getInt(20) != (int) crc.getValue()) {
      return false;
    }
    used.set(buf.getLong(4));
    count.set(buf.getLong(12));
    return true;
  }

  private void writeUsageIndex() throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(24);
    buf.putInt(USAGE_MAGIC).putLong(used.get()).putLong(count.get());
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, 20);
    buf.putInt((int) crc.getValue());
    Path temp = tmpDir.resolve("usage.idx.tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(buf.flip());
      channel.force(true);
    }
    Files.move(temp, root.resolve("usage.idx"), StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(root);
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do: the channel was only read.
    }
  }

  private static AgentException conflict(ShardId id) {
    return new AgentException(
        AgentError.CONFLICT, "a different shard is already stored under id " + id);
  }

  static AgentException ioFailure(String what, IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
      return new AgentException(AgentError.INSUFFICIENT_STORAGE, what + ": the disk is full", e);
    }
    return new AgentException(AgentError.IO_ERROR, what + ": " + message, e);
  }

  /**
   * Writes a version 2 file: the header's place is left for last, the data goes at the data offset
   * as it arrives, then the CRC table and footer, then the header at offset 0, then fsync.
   */
  final class FileWriter implements ShardWriter {
    private final ShardId id;
    private final ShardSpec declared;
    private final IncomingShardVerifier verifier;
    private final Path temp;
    private final FileChannel channel;
    private final long dataOffset;
    private long reservation;
    private long position;
    private boolean done;
    private boolean keepWhenFull;
    private boolean full;
    private long flushStartedAt;
    private CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);

    /**
     * The first failure of an early flush. Linux reports a write-back error once per open file, so
     * the commit's own fsync on the same channel may succeed after it: the commit fails instead.
     */
    private volatile IOException flushFailure;

    FileWriter(
        ShardId id,
        ShardSpec declared,
        IncomingShardVerifier verifier,
        long reservation,
        Path temp,
        FileChannel channel) {
      this.id = id;
      this.declared = declared;
      this.verifier = verifier;
      this.reservation = reservation;
      this.temp = temp;
      this.channel = channel;
      this.dataOffset = ShardFileFormat.headerLength(id);
      this.position = dataOffset;
      this.flushStartedAt = dataOffset;
    }

    @Override
    public void write(ByteBuffer data) {
      ensureOpen();
      try {
        verifier.update(data);
        // What the file would need if the shard ended with these bytes.
        ensureReserved(
            ShardFileFormat.fileLength(id, verifier.received(), verifier.chunksStarted()));
        writeAll(data);
        maybeFlushEarly();
      } catch (IOException e) {
        throw failWrite(ioFailure("cannot write shard " + id, e));
      } catch (RuntimeException e) {
        throw failWrite(e);
      }
    }

    /**
     * Closes the writer, unless it ran out of room and was asked to keep what it wrote: then the
     * bytes up to {@code position} stay readable for {@link #replayInto} until {@link #close}.
     */
    private RuntimeException failWrite(RuntimeException e) {
      if (keepWhenFull
          && e instanceof AgentException ae
          && ae.error() == AgentError.INSUFFICIENT_STORAGE) {
        full = true;
      } else {
        close();
      }
      return e;
    }

    /** True once a write ran out of room on a writer that keeps its bytes. */
    boolean isFull() {
      return full && !done;
    }

    /** Hands the bytes written before running out of room to {@code sink}, in order. */
    void replayInto(java.util.function.Consumer<ByteBuffer> sink) {
      if (!isFull()) {
        throw new IllegalStateException("only a full writer replays its bytes");
      }
      ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
      try {
        for (long at = dataOffset; at < position; ) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), position - at));
          readFully(channel, buffer, at);
          at += buffer.flip().remaining();
          sink.accept(buffer);
        }
      } catch (IOException e) {
        throw ioFailure("cannot re-read shard " + id + " to move it", e);
      }
    }

    /**
     * Starts a background fdatasync once {@link #EARLY_FLUSH_BYTES} more arrived and the previous
     * one finished. The commit fsyncs the whole file anyway; a failed early flush fails the commit
     * ({@link #flushFailure}).
     */
    private void maybeFlushEarly() {
      if (position - flushStartedAt < EARLY_FLUSH_BYTES || !flushing.isDone()) {
        return;
      }
      flushStartedAt = position;
      CompletableFuture<Void> flush = new CompletableFuture<>();
      flushing = flush;
      Thread.startVirtualThread(
          () -> {
            try {
              channel.force(false);
            } catch (ClosedChannelException e) {
              // closed by an abort: nothing will be committed
            } catch (IOException e) {
              if (flushFailure == null) {
                flushFailure = e;
              }
            } finally {
              flush.complete(null);
            }
          });
    }

    private void ensureReserved(long needed) {
      if (needed > reservation) {
        reservation += reserve(id, needed - reservation, needed - reservation + RESERVE_STEP);
      }
    }

    private void writeAll(ByteBuffer data) throws IOException {
      while (data.hasRemaining()) {
        position += channel.write(data, position);
      }
    }

    private void writeAt(ByteBuffer data, long at) throws IOException {
      long pos = at;
      while (data.hasRemaining()) {
        pos += channel.write(data, pos);
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
        verifier.finish(spec);
        long fileLength = ShardFileFormat.fileLength(id, spec);
        ensureReserved(fileLength);
        ShardFileFormat.Encoded encoded = ShardFileFormat.encode(id, spec, clock.millis());
        writeAll(encoded.tail());
        writeAt(encoded.header(), 0);
        flushing.join(); // an early flush still running would only make this one wait longer
        if (flushFailure != null) {
          throw flushFailure;
        }
        channel.force(true);
        channel.close();
        return publish(spec, fileLength);
      } catch (IOException e) {
        throw ioFailure("cannot commit shard " + id, e);
      } finally {
        close();
      }
    }

    private PutOutcome publish(ShardSpec spec, long fileLength) throws IOException {
      Path target = pathOf(id);
      ReentrantLock l = lockFor(id);
      l.lock();
      try {
        Optional<ShardInfo> existing = stat(id);
        if (existing.isPresent()) {
          if (!existing.get().spec().equals(spec)) {
            throw conflict(id);
          }
          return new PutOutcome(existing.get(), false);
        }
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
        used.addAndGet(fileLength);
        count.incrementAndGet();
        return new PutOutcome(stat(id).orElseThrow(), true);
      } finally {
        l.unlock();
      }
    }

    private void ensureOpen() {
      if (done || full) {
        throw new IllegalStateException("writer for shard " + id + " is already closed");
      }
    }

    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      reserved.addAndGet(-reservation);
      closeQuietly(channel);
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Startup removes whatever is left in tmp/.
      }
    }
  }

  private static final class FileReader implements ShardReader {
    private final FileChannel channel;
    private final ShardFileFormat.Header header;
    private final CRC32C crc = new CRC32C();

    FileReader(FileChannel channel, ShardFileFormat.Header header) {
      this.channel = channel;
      this.header = header;
    }

    @Override
    public ShardInfo info() {
      return header.info();
    }

    @Override
    public void readChunk(int index, ByteBuffer dst) {
      ShardSpec spec = header.info().spec();
      int length = spec.chunkLength(index);
      if (dst.remaining() < length) {
        throw new IllegalArgumentException("buffer too small for chunk " + index);
      }
      ByteBuffer target = dst.slice(dst.position(), length);
      try {
        readFully(channel, target, header.dataOffset() + (long) index * spec.chunkSize());
      } catch (IOException e) {
        throw ioFailure("cannot read shard " + header.info().id(), e);
      }
      crc.reset();
      crc.update(target.flip());
      if ((int) crc.getValue() != spec.chunkCrcs().get(index)) {
        throw new AgentException(
            AgentError.CORRUPT_SHARD,
            "shard " + header.info().id() + " chunk " + index + " failed its CRC32C");
      }
      dst.position(dst.position() + length);
    }

    @Override
    public void close() {
      closeQuietly(channel);
    }
  }
}
