package network.icn.agent.testing;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/** Deterministic shard contents and their specs for tests. */
public final class TestShards {
  private TestShards() {}

  public static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  public static ShardSpec spec(byte[] data, int chunkSize, ShardMerkle merkle) {
    ShardMerkle.RootBuilder root = merkle.newRootBuilder();
    root.update(ByteBuffer.wrap(data));
    return new ShardSpec(
        data.length,
        chunkSize,
        ChunkChecksums.compute(ByteBuffer.wrap(data), chunkSize),
        root.root());
  }
}
