package network.icn.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
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
 * {@code PUT /shards/{id}}: streams the body into the store, which verifies every chunk's CRC32C as
 * it completes and the Merkle root at the end, then answers a signed receipt. 201 when stored, 200
 * when the identical shard was already there.
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
    ShardSpec spec = parseSpec(ex.request());
    try (ShardWriter writer = store.create(id, spec)) {
      if (HttpUtil.is100ContinueExpected(ex.request())) {
        ex.sendContinue();
      }
      while (true) {
        HttpContent content = ex.nextContent();
        try {
          ByteBuf buf = content.content();
          int readable = buf.readableBytes();
          if (readable > 0) {
            for (ByteBuffer nio : buf.nioBuffers()) {
              writer.write(nio);
            }
            metrics.received(readable);
          }
        } finally {
          content.release();
        }
        if (content instanceof LastHttpContent) {
          break;
        }
      }
      PutOutcome outcome = writer.commit();
      ShardReceipt receipt = ShardReceipt.sign(id, spec.size(), spec.merkleRoot(), nodeKey);
      ex.respondJson(outcome.created() ? 201 : 200, receipt.toJson());
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
