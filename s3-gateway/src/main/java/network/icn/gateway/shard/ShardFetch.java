package network.icn.gateway.shard;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import network.icn.agent.client.AgentClient;
import network.icn.erasure.stripe.ShardLayout;

/**
 * One shard's bytes for a run of stripes, streaming from an agent, cut back into chunks (chunk i of
 * each stripe). Implements the client's sink: bytes are copied into direct chunk buffers from a
 * {@link DirectBufferPool} and complete chunks are queued; when {@code depth} chunks wait unread,
 * the sink's stage stays pending so the client stops reading the socket (back-pressure) until the
 * reader takes one.
 *
 * <p>A chunk {@link #take taken} belongs to the reader, which returns it to the pool when nothing
 * reads it any more (possibly after the response wrote it). Chunks the reader skips and those still
 * queued or being filled at {@link #close()} go back to the pool here.
 *
 * <p>Thread-safe: the client thread feeds it, the reader takes from it.
 */
public final class ShardFetch implements AgentClient.ShardSink {
  /** A complete chunk of stripe {@code stripe}. */
  public record Chunk(long stripe, ByteBuffer data) {}

  private final int shard;
  private final ShardLayout layout;
  private final long endStripe;
  private final int depth;
  private final ReadSignal signal;
  private final DirectBufferPool pool;
  private final ArrayDeque<Chunk> ready = new ArrayDeque<>();
  private long filling;
  private ByteBuffer current;
  private CompletableFuture<Void> paused;
  private boolean failed;
  private boolean closed;
  private Throwable failure;

  /**
   * Fetches chunks of stripes {@code [firstStripe, endStripe)} of shard {@code shard} into buffers
   * of {@code pool}.
   */
  public ShardFetch(
      int shard,
      ShardLayout layout,
      long firstStripe,
      long endStripe,
      int depth,
      ReadSignal signal,
      DirectBufferPool pool) {
    this.shard = shard;
    this.layout = Objects.requireNonNull(layout, "layout");
    this.filling = firstStripe;
    this.endStripe = endStripe;
    this.depth = depth;
    this.signal = Objects.requireNonNull(signal, "signal");
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  public int shard() {
    return shard;
  }

  /** The inclusive shard byte range to ask the agent for. */
  public long[] byteRange() {
    long first = layout.shardOffset(filling);
    long last = layout.shardOffset(endStripe - 1) + layout.chunkLength(endStripe - 1) - 1;
    return new long[] {first, last};
  }

  /** Binds the client's future: a failure marks the fetch failed and wakes the reader. */
  public void started(CompletableFuture<Void> done) {
    done.whenComplete(
        (ok, error) -> {
          if (error != null) {
            fail(error);
          }
        });
  }

  @Override
  public CompletionStage<Void> onData(ByteBuffer data) {
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("fetch closed"));
      }
      while (data.hasRemaining()) {
        if (filling >= endStripe) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("agent sent more bytes than asked for"));
        }
        if (current == null) {
          current = pool.acquire(layout.scheme().chunkSize());
          current.limit(layout.chunkLength(filling));
        }
        int n = Math.min(current.remaining(), data.remaining());
        current.put(current.position(), data, data.position(), n);
        current.position(current.position() + n);
        data.position(data.position() + n);
        if (!current.hasRemaining()) {
          ready.add(new Chunk(filling, current.flip()));
          current = null;
          filling++;
        }
      }
      if (ready.size() >= depth) {
        // One socket read can decode into several buffers, each handed over before the client
        // sees the first stage: they all wait on the same stage, and each is released when it
        // completes (a second stage here would orphan the first buffer).
        if (paused == null) {
          paused = new CompletableFuture<>();
        }
        CompletableFuture<Void> wait = paused;
        signal.signal();
        return wait;
      }
    }
    signal.signal();
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The chunk of {@code stripe}, if it has arrived; chunks of earlier stripes are dropped (returned
   * to the pool). Returns {@code null} if it has not arrived (yet, or ever: see {@link #failed()}).
   * A chunk returned is the caller's, to {@link DirectBufferPool#release release} when done.
   */
  public ByteBuffer take(long stripe) {
    CompletableFuture<Void> resume = null;
    ByteBuffer found = null;
    synchronized (this) {
      while (!ready.isEmpty() && ready.peek().stripe() < stripe) {
        pool.release(ready.poll().data());
      }
      if (!ready.isEmpty() && ready.peek().stripe() == stripe) {
        found = ready.poll().data();
      }
      if (paused != null && ready.size() < depth) {
        resume = paused;
        paused = null;
      }
    }
    if (resume != null) {
      resume.complete(null);
    }
    return found;
  }

  /** Whether the stream failed (node down, refused, timed out, cut): no more chunks will come. */
  public synchronized boolean failed() {
    return failed;
  }

  public synchronized Throwable failure() {
    return failure;
  }

  private void fail(Throwable error) {
    synchronized (this) {
      failed = true;
      failure = error;
    }
    signal.signal();
  }

  /**
   * Stops the stream: a pending or future sink stage fails, so the client drops the connection. The
   * chunks not taken go back to the pool. Idempotent.
   */
  public void close() {
    CompletableFuture<Void> pending;
    synchronized (this) {
      closed = true;
      pending = paused;
      paused = null;
      for (Chunk chunk : ready) {
        pool.release(chunk.data());
      }
      ready.clear();
      if (current != null) {
        pool.release(current);
        current = null;
      }
    }
    if (pending != null) {
      pending.completeExceptionally(new IllegalStateException("fetch closed"));
    }
  }
}
