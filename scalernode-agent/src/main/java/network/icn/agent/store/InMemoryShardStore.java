package network.icn.agent.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/**
 * A shard store in memory, with the same verification and capacity rules as the file store. For
 * tests and for in-process clusters; everything is lost when it is dropped.
 */
public final class InMemoryShardStore implements ShardStore {
  private record Stored(ShardInfo info, byte[] data) {}

  private final ConcurrentSkipListMap<ShardId, Stored> shards = new ConcurrentSkipListMap<>();
  private final long capacityBytes;
  private final ShardMerkle merkle;
  private final Clock clock;
  private long reserved;

  /**
   * @param merkle recomputes Merkle roots on put, or {@code null} to trust the declared root
   */
  public InMemoryShardStore(long capacityBytes, ShardMerkle merkle, Clock clock) {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacityBytes = capacityBytes;
    this.merkle = merkle;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized ShardWriter create(ShardId id, ShardSpec spec) {
    Stored existing = shards.get(id);
    if (existing != null && !existing.info().spec().equals(spec)) {
      throw new AgentException(
          AgentError.CONFLICT, "a different shard is already stored under id " + id);
    }
    if (spec.size() > capacityBytes - usedBytes() - reserved) {
      throw new AgentException(
          AgentError.INSUFFICIENT_STORAGE, "shard " + id + " does not fit the offered capacity");
    }
    reserved += spec.size();
    return new MemoryWriter(
        id,
        spec,
        IncomingShardVerifier.declared(spec, merkle == null ? null : merkle.newRootBuilder()),
        spec.size());
  }

  @Override
  public ShardWriter createDeferred(ShardId id, int chunkSize) {
    return new MemoryWriter(
        id,
        null,
        IncomingShardVerifier.deferred(chunkSize, merkle == null ? null : merkle.newRootBuilder()),
        0);
  }

  /** Reserves {@code bytes} more, or fails with {@code INSUFFICIENT_STORAGE}. */
  private synchronized void reserveMore(ShardId id, long bytes) {
    if (bytes > capacityBytes - usedBytes() - reserved) {
      throw new AgentException(
          AgentError.INSUFFICIENT_STORAGE, "shard " + id + " does not fit the offered capacity");
    }
    reserved += bytes;
  }

  private synchronized void release(long bytes) {
    reserved -= bytes;
  }

  private long usedBytes() {
    long sum = 0;
    for (Stored s : shards.values()) {
      sum += s.data().length;
    }
    return sum;
  }

  @Override
  public Optional<ShardInfo> stat(ShardId id) {
    return Optional.ofNullable(shards.get(id)).map(Stored::info);
  }

  @Override
  public ShardReader open(ShardId id) {
    Stored stored = shards.get(id);
    if (stored == null) {
      throw new AgentException(AgentError.NOT_FOUND, "no shard " + id);
    }
    return new MemoryReader(stored);
  }

  @Override
  public boolean delete(ShardId id) {
    return shards.remove(id) != null;
  }

  @Override
  public boolean quarantine(ShardId id) {
    return shards.remove(id) != null;
  }

  @Override
  public ShardPage list(Optional<ShardId> after, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Map<ShardId, Stored> tail = after.isPresent() ? shards.tailMap(after.get(), false) : shards;
    List<ShardInfo> out = new ArrayList<>();
    for (Stored s : tail.values()) {
      out.add(s.info());
      if (out.size() == limit) {
        return new ShardPage(out, Optional.of(s.info().id()));
      }
    }
    return new ShardPage(out, Optional.empty());
  }

  @Override
  public ShardIdPage ids(Optional<ShardId> after, int limit) {
    ShardPage page = list(after, limit);
    return new ShardIdPage(page.shards().stream().map(ShardInfo::id).toList(), page.next());
  }

  @Override
  public synchronized StoreUsage usage() {
    return new StoreUsage(capacityBytes, usedBytes(), reserved, shards.size());
  }

  /** Flips one bit of a stored shard (fault injection for tests). */
  public void flipBit(ShardId id, long byteOffset) {
    Stored stored = shards.get(id);
    stored.data()[Math.toIntExact(byteOffset)] ^= 1;
  }

  @Override
  public void close() {}

  private final class MemoryWriter implements ShardWriter {
    private final ShardId id;
    private final ShardSpec declared;
    private final IncomingShardVerifier verifier;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long reservation;
    private boolean done;

    MemoryWriter(ShardId id, ShardSpec declared, IncomingShardVerifier verifier, long reservation) {
      this.id = id;
      this.declared = declared;
      this.verifier = verifier;
      this.reservation = reservation;
    }

    @Override
    public void write(ByteBuffer data) {
      if (done) {
        throw new IllegalStateException("writer for shard " + id + " is already closed");
      }
      try {
        verifier.update(data);
        long needed = verifier.received() - reservation;
        if (needed > 0) {
          reserveMore(id, needed);
          reservation += needed;
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      buffer.writeBytes(bytes);
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
      if (done) {
        throw new IllegalStateException("writer for shard " + id + " is already closed");
      }
      try {
        verifier.finish(spec);
        Stored fresh = new Stored(new ShardInfo(id, spec, clock.millis()), buffer.toByteArray());
        Stored prior = shards.putIfAbsent(id, fresh);
        if (prior == null) {
          return new PutOutcome(fresh.info(), true);
        }
        if (!prior.info().spec().equals(spec)) {
          throw new AgentException(
              AgentError.CONFLICT, "a different shard is already stored under id " + id);
        }
        return new PutOutcome(prior.info(), false);
      } finally {
        close();
      }
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        release(reservation);
      }
    }
  }

  private static final class MemoryReader implements ShardReader {
    private final Stored stored;

    MemoryReader(Stored stored) {
      this.stored = stored;
    }

    @Override
    public ShardInfo info() {
      return stored.info();
    }

    @Override
    public void readChunk(int index, ByteBuffer dst) {
      ShardSpec spec = stored.info().spec();
      int length = spec.chunkLength(index);
      if (dst.remaining() < length) {
        throw new IllegalArgumentException("buffer too small for chunk " + index);
      }
      CRC32C crc = new CRC32C();
      int offset = index * spec.chunkSize();
      crc.update(stored.data(), offset, length);
      if ((int) crc.getValue() != spec.chunkCrcs().get(index)) {
        throw new AgentException(
            AgentError.CORRUPT_SHARD,
            "shard " + stored.info().id() + " chunk " + index + " failed its CRC32C");
      }
      dst.put(stored.data(), offset, length);
    }

    @Override
    public void close() {}
  }
}
