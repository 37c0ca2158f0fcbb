package network.icn.agent.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The availability-challenge wire format ({@code POST /challenges}) and its signature.
 *
 * <p>Request: {@code {"nonce":"...","items":[{"shardId":"...","leaf":3}]}}. Answer: {@code
 * {"nodeId":"0x..","nonce":"...","proofs":[{"shardId","leaf","leafCount","merkleRoot","data"
 * (base64),"siblings":[hex]} or {"shardId","leaf","error"}],"signature":"0x.."}}. The signature
 * covers the UTF-8 of {@code ICN-CHALLENGE-V1\nnonce\nnodeId} followed, per proof, by {@code
 * \nshardId\nleaf\nmerkleRoot\nhex(SHA-256(data))} or {@code \nshardId\nleaf\nERROR:code}; the
 * siblings need no signature because they must hash to the signed root.
 */
public final class Challenge {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Challenge() {}

  /** One sampled leaf. */
  public record Item(ShardId shardId, long leaf) {
    public Item {
      Objects.requireNonNull(shardId, "shardId");
      if (leaf < 0) {
        throw new IllegalArgumentException("leaf index must not be negative");
      }
    }
  }

  /** A challenge: a caller-chosen nonce and the leaves to prove. */
  public record Request(String nonce, List<Item> items) {
    public Request {
      Objects.requireNonNull(nonce, "nonce");
      if (nonce.isEmpty() || nonce.length() > 128) {
        throw new IllegalArgumentException("nonce must be 1..128 characters");
      }
      items = List.copyOf(items);
    }

    public byte[] toJson() {
      ObjectNode root = JSON.createObjectNode();
      root.put("nonce", nonce);
      ArrayNode array = root.putArray("items");
      for (Item item : items) {
        array.addObject().put("shardId", item.shardId().value()).put("leaf", item.leaf());
      }
      return JSON.writeValueAsBytes(root);
    }

    /** Parses a request; throws {@link IllegalArgumentException} if malformed. */
    public static Request fromJson(byte[] json) {
      try {
        JsonNode root = JSON.readTree(json);
        List<Item> items = new ArrayList<>();
        for (JsonNode item : root.path("items").values()) {
          items.add(
              new Item(new ShardId(item.path("shardId").asString()), item.path("leaf").asLong(-1)));
        }
        return new Request(root.path("nonce").asString(), items);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("malformed challenge: " + e.getMessage(), e);
      }
    }
  }

  /** The answer for one item: a proof against the stored root, or an error code. */
  public record Proof(
      ShardId shardId,
      long leaf,
      Optional<MerkleRoot> merkleRoot,
      Optional<LeafProof> proof,
      Optional<String> error) {
    public Proof {
      Objects.requireNonNull(shardId, "shardId");
      if (proof.isPresent() != merkleRoot.isPresent() || proof.isPresent() == error.isPresent()) {
        throw new IllegalArgumentException("a proof item has either root and proof, or an error");
      }
    }

    public static Proof of(ShardId id, MerkleRoot root, LeafProof proof) {
      return new Proof(
          id, proof.leafIndex(), Optional.of(root), Optional.of(proof), Optional.empty());
    }

    public static Proof failed(ShardId id, long leaf, String error) {
      return new Proof(id, leaf, Optional.empty(), Optional.empty(), Optional.of(error));
    }
  }

  /** A signed answer. */
  public record Answer(String nodeId, String nonce, List<Proof> proofs, String signature) {
    public Answer {
      nodeId = Signatures.normalizeAddress(nodeId);
      Objects.requireNonNull(nonce, "nonce");
      proofs = List.copyOf(proofs);
      Objects.requireNonNull(signature, "signature");
    }

    public static Answer sign(String nonce, List<Proof> proofs, ECKeyPair key) {
      String nodeId = Signatures.address(key);
      return new Answer(
          nodeId, nonce, proofs, Signatures.sign(signingBytes(nodeId, nonce, proofs), key));
    }

    /** True if {@code nodeId} signed exactly these proofs for this nonce. */
    public boolean verifySignature() {
      try {
        return Signatures.recoverAddress(signingBytes(nodeId, nonce, proofs), signature)
            .equals(nodeId);
      } catch (SignatureException e) {
        return false;
      }
    }

    public byte[] toJson() {
      ObjectNode root = JSON.createObjectNode();
      root.put("nodeId", nodeId);
      root.put("nonce", nonce);
      ArrayNode array = root.putArray("proofs");
      for (Proof p : proofs) {
        ObjectNode o = array.addObject();
        o.put("shardId", p.shardId().value());
        o.put("leaf", p.leaf());
        if (p.error().isPresent()) {
          o.put("error", p.error().get());
          continue;
        }
        LeafProof proof = p.proof().orElseThrow();
        o.put("leafCount", proof.leafCount());
        o.put("merkleRoot", p.merkleRoot().orElseThrow().hex());
        o.put("data", Base64.getEncoder().encodeToString(proof.leaf()));
        ArrayNode siblings = o.putArray("siblings");
        proof.siblings().forEach(s -> siblings.add(HexFormat.of().formatHex(s)));
      }
      root.put("signature", signature);
      return JSON.writeValueAsBytes(root);
    }

    public static Answer fromJson(byte[] json) {
      try {
        JsonNode root = JSON.readTree(json);
        List<Proof> proofs = new ArrayList<>();
        for (JsonNode p : root.path("proofs").values()) {
          ShardId id = new ShardId(p.path("shardId").asString());
          long leaf = p.path("leaf").asLong();
          if (p.has("error")) {
            proofs.add(Proof.failed(id, leaf, p.path("error").asString()));
            continue;
          }
          List<byte[]> siblings = new ArrayList<>();
          for (JsonNode s : p.path("siblings").values()) {
            siblings.add(HexFormat.of().parseHex(s.asString()));
          }
          LeafProof proof =
              new LeafProof(
                  leaf,
                  p.path("leafCount").asLong(),
                  Base64.getDecoder().decode(p.path("data").asString()),
                  siblings);
          proofs.add(Proof.of(id, new MerkleRoot(p.path("merkleRoot").asString()), proof));
        }
        return new Answer(
            root.path("nodeId").asString(),
            root.path("nonce").asString(),
            proofs,
            root.path("signature").asString());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("malformed challenge answer: " + e.getMessage(), e);
      }
    }
  }

  static byte[] signingBytes(String nodeId, String nonce, List<Proof> proofs) {
    StringBuilder text = new StringBuilder("ICN-CHALLENGE-V1\n").append(nonce).append('\n');
    text.append(nodeId);
    for (Proof p : proofs) {
      text.append('\n').append(p.shardId().value()).append('\n').append(p.leaf()).append('\n');
      if (p.error().isPresent()) {
        text.append("ERROR:").append(p.error().get());
      } else {
        text.append(p.merkleRoot().orElseThrow().hex())
            .append('\n')
            .append(HexFormat.of().formatHex(sha256(p.proof().orElseThrow().leaf())));
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
