package network.icn.agent.challenge;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.LeafProof;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;
import network.icn.agent.store.CorruptionListener;
import network.icn.agent.store.ShardReader;
import network.icn.agent.store.ShardStore;
import org.web3j.crypto.ECKeyPair;

/**
 * Builds signed challenge answers. Each proof streams the shard once through the Merkle prover,
 * reading it chunk by chunk with CRC32C verification, so a corrupt shard yields an error item
 * rather than a proof of wrong bytes.
 */
public final class ChallengeResponder {
  private final ShardStore store;
  private final ShardMerkle merkle;
  private final ECKeyPair nodeKey;
  private final int maxItems;
  private final CorruptionListener corruption;

  public ChallengeResponder(
      ShardStore store,
      ShardMerkle merkle,
      ECKeyPair nodeKey,
      int maxItems,
      CorruptionListener corruption) {
    this.corruption = Objects.requireNonNull(corruption, "corruption");
    this.store = Objects.requireNonNull(store, "store");
    this.merkle = Objects.requireNonNull(merkle, "merkle");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    if (maxItems <= 0) {
      throw new IllegalArgumentException("maxItems must be positive");
    }
    this.maxItems = maxItems;
  }

  public Challenge.Answer answer(Challenge.Request request) {
    if (request.items().isEmpty() || request.items().size() > maxItems) {
      throw new AgentException(
          AgentError.BAD_REQUEST, "a challenge names 1.." + maxItems + " leaves");
    }
    List<Challenge.Proof> proofs = new ArrayList<>();
    for (Challenge.Item item : request.items()) {
      proofs.add(prove(item));
    }
    return Challenge.Answer.sign(request.nonce(), proofs, nodeKey);
  }

  private Challenge.Proof prove(Challenge.Item item) {
    try (ShardReader reader = store.open(item.shardId())) {
      ShardSpec spec = reader.info().spec();
      if (item.leaf() >= ShardMerkle.leafCount(spec.size())) {
        return Challenge.Proof.failed(item.shardId(), item.leaf(), "LEAF_OUT_OF_RANGE");
      }
      ByteBuffer buffer = ByteBuffer.allocate(spec.chunkSize());
      int[] next = {0};
      LeafProof proof =
          merkle.prove(
              () -> {
                if (next[0] == spec.chunkCount()) {
                  return null;
                }
                buffer.clear();
                reader.readChunk(next[0]++, buffer);
                return buffer.flip();
              },
              spec.size(),
              Math.toIntExact(item.leaf()));
      return Challenge.Proof.of(item.shardId(), spec.merkleRoot(), proof);
    } catch (AgentException e) {
      if (e.error() == AgentError.CORRUPT_SHARD) {
        corruption.corrupt(item.shardId(), e.getMessage());
      }
      if (e.error() == AgentError.NOT_FOUND || e.error() == AgentError.CORRUPT_SHARD) {
        return Challenge.Proof.failed(item.shardId(), item.leaf(), e.error().name());
      }
      throw e;
    }
  }
}
