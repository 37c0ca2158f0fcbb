package network.icn.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardHeaders;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.ShardReader;
import network.icn.agent.store.ShardStore;

/**
 * {@code GET} and {@code HEAD /shards/{id}}, with a single {@code Range: bytes=a-b}. Every chunk
 * the range touches is read whole and its CRC32C verified before any of its bytes are sent. The
 * first chunk is verified before the status line, so a bad first chunk is a clean 500 {@code
 * CORRUPT_SHARD}; a bad later chunk cuts the connection, so the caller sees a short body (an
 * error), never wrong bytes. Either way the shard is quarantined.
 */
public final class ShardReadHandler {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private final ShardStore store;
  private final AgentMetrics metrics;
  private final CorruptionListener corruption;

  public ShardReadHandler(ShardStore store, AgentMetrics metrics, CorruptionListener corruption) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.corruption = Objects.requireNonNull(corruption, "corruption");
  }

  /** An inclusive byte range. */
  record ByteRange(long first, long last) {
    long length() {
      return last - first + 1;
    }
  }

  void get(Exchange ex, ShardId id, boolean headOnly) {
    ex.readBody(0);
    try (ShardReader reader = open(id)) {
      ShardSpec spec = reader.info().spec();
      String rangeHeader = ex.request().headers().get(HttpHeaderNames.RANGE);
      ByteRange range = parseRange(rangeHeader, spec.size());
      boolean partial = rangeHeader != null;
      HttpHeaders headers = new DefaultHttpHeaders();
      headers.set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
      headers.set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
      headers.set(ShardHeaders.SHARD_SIZE, spec.size());
      headers.set(ShardHeaders.CHUNK_SIZE, spec.chunkSize());
      headers.set(ShardHeaders.MERKLE_ROOT, spec.merkleRoot().hex());
      if (partial) {
        headers.set(
            HttpHeaderNames.CONTENT_RANGE,
            "bytes " + range.first() + "-" + range.last() + "/" + spec.size());
      }
      int status = partial ? 206 : 200;
      if (headOnly) {
        ex.startResponse(status, headers, range.length());
        ex.finishResponse();
        return;
      }
      int firstChunk = (int) (range.first() / spec.chunkSize());
      int lastChunk = (int) (range.last() / spec.chunkSize());
      ByteBufAllocator alloc = ex.connectionAllocator();
      ByteBuf chunk = readVerified(reader, id, firstChunk, alloc);
      ex.startResponse(status, headers, range.length());
      for (int i = firstChunk; ; i++) {
        long chunkStart = (long) i * spec.chunkSize();
        int from = (int) Math.max(0, range.first() - chunkStart);
        int to = (int) Math.min(chunk.writerIndex(), range.last() - chunkStart + 1);
        chunk.setIndex(from, to);
        metrics.sent(to - from);
        ex.writeContent(chunk);
        if (i == lastChunk) {
          break;
        }
        try {
          chunk = readVerified(reader, id, i + 1, alloc);
        } catch (AgentException e) {
          ex.abort();
          throw e;
        }
      }
      ex.finishResponse();
    }
  }

  /** Opens a shard; a header or footer that fails its checks is reported like a bad chunk. */
  private ShardReader open(ShardId id) {
    try {
      return store.open(id);
    } catch (AgentException e) {
      if (e.error() == AgentError.CORRUPT_SHARD) {
        corruption.corrupt(id, e.getMessage());
      }
      throw e;
    }
  }

  private ByteBuf readVerified(ShardReader reader, ShardId id, int index, ByteBufAllocator alloc) {
    int length = reader.info().spec().chunkLength(index);
    ByteBuf buf = alloc.directBuffer(length, length);
    try {
      reader.readChunk(index, buf.nioBuffer(0, length));
      buf.writerIndex(length);
      return buf;
    } catch (AgentException e) {
      buf.release();
      if (e.error() == AgentError.CORRUPT_SHARD) {
        corruption.corrupt(id, e.getMessage());
      }
      throw e;
    } catch (RuntimeException e) {
      buf.release();
      throw e;
    }
  }

  static ByteRange parseRange(String header, long size) {
    if (header == null) {
      return new ByteRange(0, size - 1);
    }
    Matcher m = RANGE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      throw new AgentException(
          AgentError.RANGE_NOT_SATISFIABLE, "only one range of the form bytes=a-b is supported");
    }
    try {
      long first;
      long last;
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        first = Math.max(0, size - suffix);
        last = size - 1;
        if (suffix == 0) {
          throw unsatisfiable(header, size);
        }
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      }
      if (first >= size || first > last) {
        throw unsatisfiable(header, size);
      }
      return new ByteRange(first, last);
    } catch (NumberFormatException e) {
      throw unsatisfiable(header, size);
    }
  }

  private static AgentException unsatisfiable(String header, long size) {
    return new AgentException(
        AgentError.RANGE_NOT_SATISFIABLE,
        "range " + header + " is outside the shard of " + size + " bytes");
  }
}
