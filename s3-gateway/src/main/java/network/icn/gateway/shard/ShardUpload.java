package network.icn.gateway.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.erasure.merkle.MerkleTreeBuilder;

/**
 * One shard of one segment on its way to one node: the bridge between the stripe encoder (the
 * producer, on the caller's thread) and the agent client's sender thread (the consumer).
 *
 * <p>The producer copies each chunk into one of a few buffers owned by this upload ({@link
 * #offer}); when none is free it waits, so the slowest shard's socket paces the encoder
 * (back-pressure) and memory stays at {@code buffers * chunkSize}. The consumer ({@link #next()},
 * called by the client as fast as the socket drains) hashes each chunk into the shard's Merkle tree
 * before handing it out, so Merkle hashing is spread over the k + m sender threads instead of the
 * caller's. After the last chunk the client asks for {@link #spec()}, which it sends as HTTP
 * trailers.
 *
 * <p>Buffers are heap buffers on purpose: SHA-256 hashes heap arrays in place but copies direct
 * buffers, and the client copies every buffer into a pooled direct buffer for the socket anyway.
 */
public final class ShardUpload implements AgentClient.StreamingShardSource {
  private static final ByteBuffer END = ByteBuffer.allocate(0);
  private static final ByteBuffer ABORT = ByteBuffer.allocate(0);
  private static final ByteBuffer DEAD = ByteBuffer.allocate(0);

  private final int shardIndex;
  private final int chunkSize;
  private final int maxBuffers;
  private int allocated;
  private final BlockingQueue<ByteBuffer> free;
  private final BlockingQueue<ByteBuffer> filled = new LinkedBlockingQueue<>();
  private final MerkleTreeBuilder merkle = new MerkleTreeBuilder();
  private int[] crcs = new int[64];
  private int chunks;
  private long size;
  private ByteBuffer lent;
  private volatile ShardSpec spec;
  private volatile boolean dead;
  private volatile CompletableFuture<ShardReceipt> result;

  /**
   * @param buffers chunk buffers between producer and consumer (at least 2: one being sent, one
   *     being filled)
   */
  public ShardUpload(int shardIndex, int chunkSize, int buffers) {
    if (buffers < 2) {
      throw new IllegalArgumentException("an upload needs at least 2 buffers");
    }
    this.shardIndex = shardIndex;
    this.chunkSize = chunkSize;
    this.maxBuffers = buffers;
    this.free = new ArrayBlockingQueue<>(buffers + 1);
  }

  public int shardIndex() {
    return shardIndex;
  }

  /** Binds the client's future for this upload; a failure wakes a waiting producer. */
  public void started(CompletableFuture<ShardReceipt> future) {
    this.result = Objects.requireNonNull(future, "future");
    future.whenComplete(
        (receipt, failure) -> {
          if (failure != null) {
            dead = true;
            free.offer(DEAD);
          }
        });
  }

  /** The client's future (receipt or failure). */
  public CompletableFuture<ShardReceipt> result() {
    return result;
  }

  /** Whether the upload failed or was abandoned; the producer skips dead uploads. */
  public boolean dead() {
    return dead;
  }

  /**
   * Copies {@code chunk} (with its CRC32C) into a free buffer and queues it for the sender, waiting
   * at most {@code timeoutNanos} for a buffer.
   *
   * @return false if the upload is dead or stalled beyond the timeout (the caller abandons it)
   */
  public boolean offer(ByteBuffer chunk, int crc, long timeoutNanos) throws InterruptedException {
    if (dead) {
      return false;
    }
    if (chunk.remaining() > chunkSize) {
      throw new IllegalArgumentException("chunk larger than the chunk size");
    }
    ByteBuffer buffer = free.poll();
    if (buffer == null && allocated < maxBuffers) {
      // Buffers are allocated on demand, at the chunk's length: a small object's short chunks
      // do not cost full-size buffers.
      allocated++;
      buffer = ByteBuffer.allocate(chunk.remaining());
    } else if (buffer == null) {
      buffer = free.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }
    if (buffer == null || buffer == DEAD || dead) {
      return false;
    }
    if (buffer.capacity() < chunk.remaining()) {
      buffer = ByteBuffer.allocate(chunk.remaining());
    }
    buffer.clear();
    buffer.put(chunk.duplicate()).flip();
    synchronized (this) {
      if (chunks == crcs.length) {
        crcs = Arrays.copyOf(crcs, chunks * 2);
      }
      crcs[chunks++] = crc;
    }
    filled.add(buffer);
    return true;
  }

  /** Marks the end of the shard: the sender then asks for the spec. */
  public void end() {
    filled.add(END);
  }

  /** Abandons the upload: the sender's next pull fails, so the agent keeps nothing. */
  public void abort() {
    dead = true;
    filled.add(ABORT);
    free.offer(DEAD);
  }

  @Override
  public ByteBuffer next() throws Exception {
    if (lent != null) {
      free.offer(lent);
      lent = null;
    }
    ByteBuffer item = filled.take();
    if (item == ABORT) {
      throw new IOException("shard upload " + shardIndex + " aborted by the writer");
    }
    if (item == END) {
      int count;
      int[] values;
      synchronized (this) {
        count = chunks;
        values = Arrays.copyOf(crcs, chunks);
      }
      spec =
          new ShardSpec(
              size,
              chunkSize,
              ChunkChecksums.of(Arrays.copyOf(values, count)),
              MerkleRoot.of(merkle.finish().toByteArray()));
      return null;
    }
    merkle.update(item.duplicate());
    size += item.remaining();
    lent = item;
    return item.duplicate();
  }

  @Override
  public ShardSpec spec() {
    return spec;
  }

  /** The spec sent, once the sender reached the end (null before). */
  public ShardSpec sentSpec() {
    return spec;
  }
}
