package network.icn.gateway.object;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.icn.agent.client.ShardId;
import network.icn.erasure.Crc32c;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.stripe.ChunkId;
import network.icn.erasure.stripe.ReadReport;
import network.icn.erasure.stripe.ShardLayout;
import network.icn.erasure.stripe.StripeDecoder;
import network.icn.erasure.stripe.StripeSlice;
import network.icn.erasure.stripe.StripeSpan;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.shard.DirectBufferPool;
import network.icn.gateway.shard.ReadSignal;
import network.icn.gateway.shard.ShardFetch;

/**
 * Reads a byte range of one segment, stripe by stripe, streaming into a sink.
 *
 * <p>Per stripe: wait up to the hedge delay for the data chunks the range needs (streams from the
 * data shards opened at the first stripe); if they all arrive with the right CRC32C, hand the
 * needed slice of each straight to the sink ({@link ObjectSink#writeOwned}: no copy, no decoding;
 * the chunk goes back to the pool when the sink is done with it). Otherwise (a stream failed, a
 * chunk is late or corrupt) open the other shards from this stripe on, wait up to the read timeout
 * for k good chunks, decode into a pooled stripe buffer (the one copy) and hand that to the sink. A
 * shard that failed or missed a stripe's deadline is abandoned for the rest of the segment. Fewer
 * than k good chunks is {@link ObjectError#READ_QUORUM_NOT_MET}; nothing of that stripe reaches the
 * sink. Every pooled buffer goes back to the pool on every path. Not thread-safe: one per read.
 */
final class SegmentReader {
  /** CRC32C verdicts of a stripe's chunks, checked once per chunk. */
  private static final byte UNCHECKED = 0;

  private static final byte GOOD = 1;
  private static final byte BAD = 2;

  /** What one segment read found. */
  record Outcome(
      long bytes, List<ChunkId> corrupt, List<ChunkId> unavailable, long decoded, boolean hedged) {}

  private final WriterContext ctx;
  private final ErasureScheme scheme;
  private final StripeDecoder decoder;
  private final DirectBufferPool pool;

  SegmentReader(WriterContext ctx, ErasureScheme scheme) {
    this.ctx = ctx;
    this.scheme = scheme;
    this.decoder = new StripeDecoder(scheme, ctx.codec(scheme));
    this.pool = ctx.readBuffers();
  }

  Outcome read(SegmentRecord segment, long offset, long length, ObjectSink sink)
      throws IOException, InterruptedException {
    ShardLayout layout = new ShardLayout(scheme, segment.dataLength());
    StripeSpan span = layout.span(offset, length);
    int total = scheme.totalShards();
    ShardRecord[] shards = new ShardRecord[total];
    for (ShardRecord shard : segment.shards()) {
      shards[shard.shardIndex()] = shard;
    }
    ReadSignal signal = new ReadSignal();
    ShardFetch[] fetches = new ShardFetch[total];
    boolean[] abandoned = new boolean[total];
    List<ChunkId> corrupt = new ArrayList<>();
    List<ChunkId> unavailable = new ArrayList<>();
    long decoded = 0;
    boolean hedged = false;
    long bytes = 0;
    long hedgeNanos = ctx.config().hedgeDelay().toNanos();
    long timeoutNanos = ctx.config().readTimeout().toNanos();
    try {
      for (long s = span.firstStripe(); s < span.endStripe(); s++) {
        StripeSlice slice = layout.slice(s, offset, length);
        ByteBuffer[] chunks = new ByteBuffer[total];
        byte[] verdicts = new byte[total];
        int[] crcs = new int[total];
        for (int i = 0; i < total; i++) {
          crcs[i] = shards[i] == null ? 0 : shards[i].chunkCrc32c((int) s);
        }
        try {
          for (int j = slice.firstDataShard(); j <= slice.lastDataShard(); j++) {
            open(j, s, span, layout, shards, fetches, abandoned, signal);
          }
          // Phase 1: the needed data chunks, up to the hedge delay.
          long deadline = System.nanoTime() + hedgeNanos;
          boolean direct =
              gather(slice, s, chunks, verdicts, crcs, fetches, abandoned, signal, deadline, true);
          if (direct) {
            bytes += writeDirect(slice, chunks, sink);
            continue;
          }
          hedged = true;
          for (int i = 0; i < total; i++) {
            open(i, s, span, layout, shards, fetches, abandoned, signal);
          }
          deadline = System.nanoTime() + timeoutNanos;
          gather(slice, s, chunks, verdicts, crcs, fetches, abandoned, signal, deadline, false);
          for (int i = 0; i < total; i++) {
            if (chunks[i] == null && fetches[i] != null && !abandoned[i]) {
              abandon(i, fetches, abandoned); // missed the deadline: too slow for this read
            }
            if (chunks[i] == null) {
              unavailable.add(new ChunkId(s, i));
            }
          }
          ByteBuffer out = pool.acquire((int) scheme.stripeDataSize());
          ReadReport report;
          try {
            report =
                decoder.readStripe(
                    layout,
                    s,
                    chunks,
                    crcs,
                    layout.stripeDataOffset(s) + slice.offsetInStripe(),
                    slice.length(),
                    out);
          } catch (ErasureException e) {
            pool.release(out);
            corrupt.addAll(badChunks(s, chunks, crcs, layout.chunkLength(s)));
            if (e.error() == ErasureError.NOT_ENOUGH_SHARDS
                || e.error() == ErasureError.CHECKSUM_MISMATCH) {
              throw new ObjectException(
                  ObjectError.READ_QUORUM_NOT_MET,
                  "segment " + segment.segmentId() + ": " + e.getMessage(),
                  e);
            }
            throw e;
          } catch (RuntimeException | Error e) {
            pool.release(out);
            throw e;
          }
          corrupt.addAll(report.corruptChunks());
          decoded += report.stripesDecoded();
          release(chunks);
          out.flip();
          bytes += out.remaining();
          sink.writeOwned(out, () -> pool.release(out));
        } finally {
          release(chunks); // on a failure; after a write, what the sink was not given
        }
      }
    } finally {
      for (ShardFetch fetch : fetches) {
        if (fetch != null) {
          fetch.close();
        }
      }
    }
    corrupt.addAll(agentCorrupt);
    agentCorrupt.clear();
    return new Outcome(bytes, corrupt, unavailable, decoded, hedged);
  }

  /**
   * Hands the range's slice of each needed data chunk (all present and good) to the sink, which
   * returns the chunk to the pool when done with it.
   *
   * @return bytes written
   */
  private long writeDirect(StripeSlice slice, ByteBuffer[] chunks, ObjectSink sink)
      throws IOException {
    int first = slice.firstDataShard();
    int count = slice.lastDataShard() - first + 1;
    ByteBuffer[] owned = new ByteBuffer[count];
    ByteBuffer[] parts = new ByteBuffer[count];
    long n = 0;
    for (int j = first; j <= slice.lastDataShard(); j++) {
      ByteBuffer chunk = chunks[j];
      chunks[j] = null; // the sink's now
      owned[j - first] = chunk;
      parts[j - first] =
          chunk.slice(chunk.position() + slice.offsetInChunk(j), slice.lengthInChunk(j));
      n += parts[j - first].remaining();
    }
    // One write per stripe: the sink sends the chunks' slices together and returns them all to
    // the pool when it is done with them.
    sink.writeOwned(parts, () -> pool.release(owned));
    return n;
  }

  /** Returns the chunks still held to the pool. */
  private void release(ByteBuffer[] chunks) {
    for (int i = 0; i < chunks.length; i++) {
      if (chunks[i] != null) {
        pool.release(chunks[i]);
        chunks[i] = null;
      }
    }
  }

  /**
   * Collects chunks of stripe {@code s} until the deadline. Direct mode waits for the needed data
   * chunks and returns whether all arrived good; otherwise it waits for k good chunks of any shard.
   */
  private boolean gather(
      StripeSlice slice,
      long s,
      ByteBuffer[] chunks,
      byte[] verdicts,
      int[] crcs,
      ShardFetch[] fetches,
      boolean[] abandoned,
      ReadSignal signal,
      long deadline,
      boolean direct)
      throws InterruptedException {
    int chunkLength = slice.chunkLength();
    while (true) {
      long seen = signal.version();
      int good = 0;
      int pending = 0;
      boolean neededBad = false;
      for (int i = 0; i < chunks.length; i++) {
        boolean wanted = direct ? slice.needs(i) : true;
        if (!wanted) {
          continue;
        }
        if (chunks[i] == null && fetches[i] != null && !abandoned[i]) {
          chunks[i] = fetches[i].take(s);
          if (chunks[i] == null && fetches[i].failed()) {
            abandoned[i] = true;
            if (corruptOnNode(fetches[i].failure())) {
              agentCorrupt.add(new ChunkId(s, i));
            }
          }
        }
        if (chunks[i] != null) {
          if (verdicts[i] == UNCHECKED) {
            verdicts[i] = isGood(chunks[i], crcs[i], chunkLength) ? GOOD : BAD;
          }
          if (verdicts[i] == GOOD) {
            good++;
          } else {
            neededBad = true;
          }
        } else if (fetches[i] != null && !abandoned[i]) {
          pending++;
        } else if (direct) {
          neededBad = true;
        }
      }
      if (direct) {
        int needed = slice.lastDataShard() - slice.firstDataShard() + 1;
        if (good == needed) {
          return true;
        }
        if (neededBad) {
          return false;
        }
      } else if (good >= scheme.data() || pending == 0) {
        return false;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      signal.awaitChange(seen, deadline);
    }
  }

  /** Chunks the agent refused as corrupt (it verifies CRCs too and quarantines the shard). */
  private final List<ChunkId> agentCorrupt = new ArrayList<>();

  private static boolean corruptOnNode(Throwable failure) {
    Throwable t =
        failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
            ? c.getCause()
            : failure;
    return t instanceof network.icn.agent.client.AgentException e
        && e.error() == network.icn.agent.client.AgentError.CORRUPT_SHARD;
  }

  private static boolean isGood(ByteBuffer chunk, int crc, int length) {
    return chunk.remaining() == length && Crc32c.of(chunk, chunk.position(), length) == crc;
  }

  private static List<ChunkId> badChunks(long s, ByteBuffer[] chunks, int[] crcs, int length) {
    List<ChunkId> bad = new ArrayList<>();
    for (int i = 0; i < chunks.length; i++) {
      if (chunks[i] != null && !isGood(chunks[i], crcs[i], length)) {
        bad.add(new ChunkId(s, i));
      }
    }
    return bad;
  }

  /** Opens a stream of shard {@code i} from stripe {@code s} to the span's end, once. */
  private void open(
      int i,
      long s,
      StripeSpan span,
      ShardLayout layout,
      ShardRecord[] shards,
      ShardFetch[] fetches,
      boolean[] abandoned,
      ReadSignal signal) {
    if (fetches[i] != null || abandoned[i]) {
      return;
    }
    ShardRecord shard = shards[i];
    InetSocketAddress address = shard == null ? null : ctx.nodes().address(shard.nodeId());
    if (address == null) {
      abandoned[i] = true;
      return;
    }
    ShardFetch fetch =
        new ShardFetch(
            i, layout, s, span.endStripe(), ctx.config().readQueueChunks(), signal, pool);
    fetches[i] = fetch;
    fetch.started(
        ctx.client()
            .get(
                address,
                shard.nodeId(),
                new ShardId(shard.shardId()),
                Optional.of(fetch.byteRange()),
                fetch));
  }

  private static void abandon(int i, ShardFetch[] fetches, boolean[] abandoned) {
    abandoned[i] = true;
    fetches[i].close();
  }
}
