package network.icn.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.ByteBuffer;
import java.util.Objects;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.ShardHeaders;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.PutOutcome;
import network.icn.agent.store.ShardStore;
import network.icn.agent.store.ShardWriter;
import org.web3j.crypto.ECKeyPair;

/**
 * {@code PUT /shards/{id}}: streams the body into the store and answers a signed receipt; 201 when
 * stored, 200 when the identical shard was already there. Two modes:
 *
 * <ul>
 *   <li>{@code Content-Length} with the spec in headers: every chunk's CRC32C is checked as it
 *       completes, the Merkle root at the end;
 *   <li>{@code Transfer-Encoding: chunked} with only {@code x-icn-chunk-size} in the headers and
 *       the rest of the spec (size, chunk CRC32Cs, Merkle root) in the HTTP trailers: the CRCs and
 *       root are computed while the bytes stream and compared when the trailer arrives. This lets
 *       the gateway stream a shard whose checksums it knows only at the end.
 * </ul>
 *
 * Any mismatch, or a missing trailer, is a 400 and nothing is kept.
 */
public final class ShardWriteHandler {
  private final ShardStore store;
  private final ECKeyPair nodeKey;
  private final AgentMetrics metrics;

  public ShardWriteHandler(ShardStore store, ECKeyPair nodeKey, AgentMetrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  void put(Exchange ex, ShardId id) {
    HttpRequest request = ex.request();
    boolean trailerMode = HttpUtil.isTransferEncodingChunked(request);
    ShardSpec spec = trailerMode ? null : parseSpec(request);
    int chunkSize = trailerMode ? parseTrailerModeHeaders(request) : spec.chunkSize();
    try (ShardWriter writer =
        trailerMode ? store.createDeferred(id, chunkSize) : store.create(id, spec)) {
      if (HttpUtil.is100ContinueExpected(request)) {
        ex.sendContinue();
      }
      while (true) {
        HttpContent content = ex.nextContent();
        try {
          if (content.decoderResult().isFailure()) {
            ex.closeAfterResponse(); // the decoder discards the rest of this connection
            throw new AgentException(
                AgentError.BAD_REQUEST,
                "the body is malformed or was cut short: " + content.decoderResult().cause());
          }
          ByteBuf buf = content.content();
          int readable = buf.readableBytes();
          if (readable > 0) {
            for (ByteBuffer nio : buf.nioBuffers()) {
              writer.write(nio);
            }
            metrics.received(readable);
          }
          if (content instanceof LastHttpContent last) {
            if (trailerMode) {
              spec = parseTrailers(last.trailingHeaders(), chunkSize);
            }
            break;
          }
        } finally {
          content.release();
        }
      }
      PutOutcome outcome = trailerMode ? writer.commit(spec) : writer.commit();
      ShardReceipt receipt = ShardReceipt.sign(id, spec.size(), spec.merkleRoot(), nodeKey);
      ex.respondJson(outcome.created() ? 201 : 200, receipt.toJson());
    }
  }

  /** Trailer mode: only the chunk size comes first; the spec headers must not. */
  static int parseTrailerModeHeaders(HttpRequest request) {
    HttpHeaders headers = request.headers();
    if (headers.contains(ShardHeaders.CHUNK_CRC32C)
        || headers.contains(ShardHeaders.MERKLE_ROOT)
        || headers.contains(ShardHeaders.SHARD_SIZE)) {
      throw new AgentException(
          AgentError.BAD_REQUEST,
          "a chunked shard put sends its size, CRC32Cs and Merkle root as trailers, not headers");
    }
    String chunkSize = headers.get(ShardHeaders.CHUNK_SIZE);
    if (chunkSize == null) {
      throw new AgentException(
          AgentError.BAD_REQUEST, "a shard put declares " + ShardHeaders.CHUNK_SIZE);
    }
    try {
      int value = Integer.parseInt(chunkSize);
      if (value < ShardSpec.MIN_CHUNK_SIZE || value > ShardSpec.MAX_CHUNK_SIZE) {
        throw new IllegalArgumentException("chunk size out of range: " + value);
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.BAD_REQUEST, e.getMessage());
    }
  }

  static ShardSpec parseTrailers(HttpHeaders trailers, int chunkSize) {
    String size = trailers.get(ShardHeaders.SHARD_SIZE);
    String crcs = trailers.get(ShardHeaders.CHUNK_CRC32C);
    String root = trailers.get(ShardHeaders.MERKLE_ROOT);
    if (size == null || crcs == null || root == null) {
      throw new AgentException(
          AgentError.BAD_REQUEST,
          "a chunked shard put ends with the trailers "
              + ShardHeaders.SHARD_SIZE
              + ", "
              + ShardHeaders.CHUNK_CRC32C
              + " and "
              + ShardHeaders.MERKLE_ROOT);
    }
    try {
      return new ShardSpec(
          Long.parseLong(size), chunkSize, ChunkChecksums.fromBase64(crcs), new MerkleRoot(root));
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.BAD_REQUEST, "bad trailer: " + e.getMessage());
    }
  }

  static ShardSpec parseSpec(HttpRequest request) {
    long contentLength = HttpUtil.getContentLength(request, -1L);
    if (contentLength < 0) {
      throw new AgentException(AgentError.BAD_REQUEST, "a shard put needs a Content-Length");
    }
    String chunkSize = request.headers().get(ShardHeaders.CHUNK_SIZE);
    String crcs = request.headers().get(ShardHeaders.CHUNK_CRC32C);
    String root = request.headers().get(ShardHeaders.MERKLE_ROOT);
    if (chunkSize == null || crcs == null || root == null) {
      throw new AgentException(
          AgentError.BAD_REQUEST,
          "a shard put declares "
              + ShardHeaders.CHUNK_SIZE
              + ", "
              + ShardHeaders.CHUNK_CRC32C
              + " and "
              + ShardHeaders.MERKLE_ROOT);
    }
    try {
      return new ShardSpec(
          contentLength,
          Integer.parseInt(chunkSize),
          ChunkChecksums.fromBase64(crcs),
          new MerkleRoot(root));
    } catch (IllegalArgumentException e) {
      throw new AgentException(AgentError.BAD_REQUEST, e.getMessage());
    }
  }
}
