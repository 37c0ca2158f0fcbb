package network.icn.gateway.shard;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Direct buffers for the read path, reused across reads: the chunk buffers shard fetches fill (the
 * response is written straight from them) and the stripe buffers decoded data is assembled in.
 *
 * <p>A buffer lent by {@link #acquire} must come back through {@link #release} exactly once, when
 * nothing reads it any more: for a buffer handed to the response, when its write completed or
 * failed. Returning a buffer that is not lent (twice, or a foreign one) throws, since reusing a
 * buffer that is still being written would send wrong bytes. At most {@code maxIdleBytes} of
 * returned buffers are kept for reuse; the rest are left to the garbage collector. {@link
 * #outstanding()} counts the buffers lent and not returned: zero whenever no read is running.
 *
 * <p>Thread-safe: fetches fill buffers on the agent client's threads, the reader takes them, and
 * the response's writes return them on the event loop.
 */
public final class DirectBufferPool {
  private final long maxIdleBytes;
  private final Map<Integer, ArrayDeque<ByteBuffer>> idle = new HashMap<>();
  private final Set<ByteBuffer> lent = Collections.newSetFromMap(new IdentityHashMap<>());
  private long idleBytes;
  private long allocated;

  /** A pool that keeps at most {@code maxIdleBytes} of returned buffers for reuse. */
  public DirectBufferPool(long maxIdleBytes) {
    if (maxIdleBytes < 0) {
      throw new IllegalArgumentException("maxIdleBytes must be >= 0, got " + maxIdleBytes);
    }
    this.maxIdleBytes = maxIdleBytes;
  }

  /** A cleared direct buffer of exactly {@code capacity} bytes, reused when one is idle. */
  public ByteBuffer acquire(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    ByteBuffer buffer;
    synchronized (this) {
      ArrayDeque<ByteBuffer> free = idle.get(capacity);
      buffer = free == null ? null : free.pollLast();
      if (buffer != null) {
        idleBytes -= capacity;
        lent.add(buffer);
        return buffer.clear();
      }
      allocated++;
    }
    // Outside the lock: allocating zeroes the memory.
    buffer = ByteBuffer.allocateDirect(capacity);
    synchronized (this) {
      lent.add(buffer);
    }
    return buffer;
  }

  /**
   * Returns a buffer from {@link #acquire}; the caller must not touch it afterwards.
   *
   * @throws IllegalStateException if the buffer is not lent by this pool (released twice?)
   */
  public synchronized void release(ByteBuffer buffer) {
    if (!lent.remove(buffer)) {
      throw new IllegalStateException("buffer not lent by this pool (released twice?)");
    }
    int capacity = buffer.capacity();
    if (idleBytes + capacity <= maxIdleBytes) {
      idle.computeIfAbsent(capacity, ignored -> new ArrayDeque<>()).addLast(buffer);
      idleBytes += capacity;
    }
  }

  /** {@link #release(ByteBuffer)} for each of {@code buffers}, under one lock. */
  public synchronized void release(ByteBuffer... buffers) {
    for (ByteBuffer buffer : buffers) {
      release(buffer);
    }
  }

  /** Buffers lent and not returned yet. */
  public synchronized int outstanding() {
    return lent.size();
  }

  /** Buffers allocated since the pool was made (reuse keeps this flat). */
  public synchronized long allocated() {
    return allocated;
  }

  /** Bytes of returned buffers kept for reuse. */
  public synchronized long idleBytes() {
    return idleBytes;
  }
}
