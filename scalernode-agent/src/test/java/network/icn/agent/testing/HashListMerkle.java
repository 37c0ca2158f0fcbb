package network.icn.agent.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import network.icn.agent.client.LeafProof;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.merkle.ShardMerkle;

/**
 * A hand-written stand-in for the erasure module's Merkle tree: root = SHA-256 over the SHA-256 of
 * every 4 KiB leaf (a hash list), proof = every other leaf's hash. Not a tree, but it has the
 * properties the agent's tests check: a changed byte changes the root and breaks proofs.
 */
public final class HashListMerkle implements ShardMerkle {
  @Override
  public RootBuilder newRootBuilder() {
    return new RootBuilder() {
      private final LeafHasher hasher = new LeafHasher();

      @Override
      public void update(ByteBuffer data) {
        hasher.update(data);
      }

      @Override
      public MerkleRoot root() {
        return MerkleRoot.of(combine(hasher.finish()));
      }
    };
  }

  @Override
  public LeafProof prove(ShardBytes source, long shardSize, int leafIndex) {
    LeafHasher hasher = new LeafHasher();
    hasher.keepLeaf = leafIndex;
    for (ByteBuffer b = source.next(); b != null; b = source.next()) {
      hasher.update(b);
    }
    List<byte[]> hashes = hasher.finish();
    List<byte[]> siblings = new ArrayList<>(hashes);
    siblings.remove(leafIndex);
    return new LeafProof(leafIndex, hashes.size(), hasher.kept, siblings);
  }

  @Override
  public boolean verify(MerkleRoot root, LeafProof proof) {
    List<byte[]> hashes = new ArrayList<>(proof.siblings());
    if (hashes.size() + 1 != proof.leafCount()) {
      return false;
    }
    hashes.add((int) proof.leafIndex(), sha256(proof.leaf()));
    return Arrays.equals(root.bytes(), combine(hashes));
  }

  private static byte[] combine(List<byte[]> hashes) {
    MessageDigest md = digest();
    hashes.forEach(md::update);
    return md.digest();
  }

  private static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class LeafHasher {
    private final List<byte[]> hashes = new ArrayList<>();
    private final ByteBuffer leaf = ByteBuffer.allocate(LEAF_SIZE);
    private int keepLeaf = -1;
    private byte[] kept;

    void update(ByteBuffer data) {
      ByteBuffer view = data.duplicate();
      while (view.hasRemaining()) {
        int take = Math.min(leaf.remaining(), view.remaining());
        leaf.put(view.slice(view.position(), take));
        view.position(view.position() + take);
        if (!leaf.hasRemaining()) {
          emit();
        }
      }
    }

    private void emit() {
      byte[] bytes = Arrays.copyOf(leaf.array(), leaf.position());
      if (hashes.size() == keepLeaf) {
        kept = bytes;
      }
      hashes.add(sha256(bytes));
      leaf.clear();
    }

    List<byte[]> finish() {
      if (leaf.position() > 0) {
        emit();
      }
      return hashes;
    }
  }
}
