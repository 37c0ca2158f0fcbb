package network.icn.agent.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;

/**
 * The canonical request-signing format shared by gateway and agent. The signed message is the UTF-8
 * of these lines joined by {@code \n}:
 *
 * <pre>
 * ICN-AGENT-REQUEST-V2
 * target node id    (the node's address, 0x + 40 lowercase hex: binds the request to one node)
 * METHOD            (upper case, e.g. PUT)
 * request target    (path plus query exactly as sent, e.g. /shards?after=x&amp;limit=10)
 * shard id          (empty when the request names no shard)
 * content length    (decimal; 0 when there is no body; -1 for a chunked body)
 * timestamp         (decimal epoch milliseconds)
 * </pre>
 *
 * The node id line means a request captured on its way to one node cannot be replayed to another
 * within the clock-skew window: each node checks it against its own id. A chunked body's length is
 * unknown when the request is signed, hence {@link #CHUNKED}; the body itself is protected by the
 * chunk CRC32Cs and Merkle root, not by the request signature.
 *
 * <p>The caller sends its address, the timestamp and the signature in {@link #CALLER}, {@link
 * #TIMESTAMP} and {@link #SIGNATURE}.
 */
public final class RequestSigning {
  public static final String CALLER = "x-icn-caller";
  public static final String TIMESTAMP = "x-icn-timestamp";
  public static final String SIGNATURE = "x-icn-signature";

  /** The content length signed for a chunked ({@code Transfer-Encoding: chunked}) body. */
  public static final long CHUNKED = -1;

  private static final String VERSION = "ICN-AGENT-REQUEST-V2";

  private RequestSigning() {}

  /** The three authentication headers' values. */
  public record SignedHeaders(String caller, long timestampMillis, String signature) {
    public SignedHeaders {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(signature, "signature");
    }
  }

  public static byte[] canonical(
      String nodeId,
      String method,
      String target,
      String shardId,
      long contentLength,
      long timestampMillis) {
    String text =
        String.join(
            "\n",
            VERSION,
            Signatures.normalizeAddress(nodeId),
            method,
            target,
            shardId == null ? "" : shardId,
            Long.toString(contentLength),
            Long.toString(timestampMillis));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static SignedHeaders sign(
      ECKeyPair key,
      String nodeId,
      String method,
      String target,
      String shardId,
      long contentLength,
      long timestampMillis) {
    byte[] message = canonical(nodeId, method, target, shardId, contentLength, timestampMillis);
    return new SignedHeaders(
        Signatures.address(key), timestampMillis, Signatures.sign(message, key));
  }
}
