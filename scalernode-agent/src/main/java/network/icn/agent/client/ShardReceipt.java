package network.icn.agent.client;

import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;

/**
 * The node's signed statement that it stores a shard: {@code {shardId, size, merkleRoot, nodeId,
 * signature}}. The signature covers the UTF-8 of {@code
 * ICN-SHARD-RECEIPT-V1\nshardId\nsize\nmerkleRoot\nnodeId}.
 */
public record ShardReceipt(
    ShardId shardId, long size, MerkleRoot merkleRoot, String nodeId, String signature) {
  public ShardReceipt {
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(signature, "signature");
    nodeId = Signatures.normalizeAddress(nodeId);
  }

  public static byte[] signingBytes(ShardId shardId, long size, MerkleRoot root, String nodeId) {
    return String.join(
            "\n", "ICN-SHARD-RECEIPT-V1", shardId.value(), Long.toString(size), root.hex(), nodeId)
        .getBytes(StandardCharsets.UTF_8);
  }

  public static ShardReceipt sign(ShardId shardId, long size, MerkleRoot root, ECKeyPair key) {
    String nodeId = Signatures.address(key);
    return new ShardReceipt(
        shardId,
        size,
        root,
        nodeId,
        Signatures.sign(signingBytes(shardId, size, root, nodeId), key));
  }

  /** True if the signature was made by {@code nodeId} over this receipt's fields. */
  public boolean verify() {
    try {
      return Signatures.recoverAddress(signingBytes(shardId, size, merkleRoot, nodeId), signature)
          .equals(nodeId);
    } catch (SignatureException e) {
      return false;
    }
  }

  public String toJson() {
    return "{\"shardId\":\""
        + shardId.value()
        + "\",\"size\":"
        + size
        + ",\"merkleRoot\":\""
        + merkleRoot.hex()
        + "\",\"nodeId\":\""
        + nodeId
        + "\",\"signature\":\""
        + signature
        + "\"}";
  }
}
