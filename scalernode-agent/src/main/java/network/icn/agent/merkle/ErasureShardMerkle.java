package network.icn.agent.merkle;

import java.nio.ByteBuffer;
import java.util.List;
import network.icn.agent.client.LeafProof;
import network.icn.agent.client.MerkleRoot;
import network.icn.erasure.merkle.MerkleProof;
import network.icn.erasure.merkle.MerkleProofBuilder;
import network.icn.erasure.merkle.MerkleTree;
import network.icn.erasure.merkle.MerkleTreeBuilder;
import network.icn.erasure.merkle.Sha256Hash;

/** {@link ShardMerkle} backed by the erasure module's Merkle tree (the only implementation). */
public final class ErasureShardMerkle implements ShardMerkle {
  @Override
  public RootBuilder newRootBuilder() {
    MerkleTreeBuilder builder = new MerkleTreeBuilder();
    return new RootBuilder() {
      @Override
      public void update(ByteBuffer data) {
        builder.update(data.duplicate());
      }

      @Override
      public MerkleRoot root() {
        return MerkleRoot.of(builder.finish().toByteArray());
      }
    };
  }

  @Override
  public LeafProof prove(ShardBytes source, long shardSize, int leafIndex) {
    MerkleProofBuilder builder = new MerkleProofBuilder(leafIndex);
    for (ByteBuffer b = source.next(); b != null; b = source.next()) {
      builder.update(b);
    }
    MerkleProof proof = builder.finish();
    return new LeafProof(
        proof.leafIndex(),
        proof.leafCount(),
        builder.leafData(),
        proof.siblings().stream().map(Sha256Hash::toByteArray).toList());
  }

  @Override
  public boolean verify(MerkleRoot root, LeafProof proof) {
    List<Sha256Hash> siblings = proof.siblings().stream().map(Sha256Hash::of).toList();
    MerkleProof merkleProof;
    try {
      merkleProof = new MerkleProof(proof.leafIndex(), proof.leafCount(), siblings);
    } catch (RuntimeException e) {
      return false;
    }
    return MerkleTree.verify(
        Sha256Hash.of(root.bytes()),
        proof.leafIndex(),
        proof.leafCount(),
        proof.leaf(),
        merkleProof);
  }
}
