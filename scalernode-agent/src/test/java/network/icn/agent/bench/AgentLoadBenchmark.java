package network.icn.agent.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.testing.AgentFixture;
import network.icn.agent.testing.TestShards;

/**
 * Load benchmark of the agent alone over loopback: 8 concurrent streams putting then getting shards
 * of 1 MiB and 16 MiB; prints MB/s. Run with the command in scalernode-agent/README.md.
 */
public final class AgentLoadBenchmark {
  private AgentLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int streams = 8;
    for (int size : new int[] {1 << 20, 16 << 20}) {
      Path dir = Files.createTempDirectory("agent-bench");
      try (AgentFixture fx = new AgentFixture(dir, "--capacity=8G")) {
        byte[] data = TestShards.bytes(size, 1);
        ShardSpec spec = TestShards.spec(data, 256 * 1024, new ErasureShardMerkle());
        int perStream = Math.max(4, (int) ((512L << 20) / size / streams));
        long start = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
          int stream = s;
          all.add(
              CompletableFuture.runAsync(
                  () -> {
                    for (int i = 0; i < perStream; i++) {
                      fx.put("s" + stream + "-" + i, data, spec).join();
                    }
                  },
                  Thread::startVirtualThread));
        }
        all.forEach(CompletableFuture::join);
        double putSecs = (System.nanoTime() - start) / 1e9;
        long total = (long) size * streams * perStream;
        start = System.nanoTime();
        all.clear();
        for (int s = 0; s < streams; s++) {
          int stream = s;
          all.add(
              CompletableFuture.runAsync(
                  () -> {
                    for (int i = 0; i < perStream; i++) {
                      fx.client
                          .get(
                              fx.node(),
                              fx.nodeId(),
                              new ShardId("s" + stream + "-" + i),
                              Optional.empty(),
                              (ByteBuffer b) -> CompletableFuture.completedFuture(null))
                          .join();
                    }
                  },
                  Thread::startVirtualThread));
        }
        all.forEach(CompletableFuture::join);
        double getSecs = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "shard %2d MiB x %d streams x %d: put %.0f MB/s, get %.0f MB/s%n",
            size >> 20, streams, perStream, total / putSecs / 1e6, total / getSecs / 1e6);
      }
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    TimeUnit.MILLISECONDS.sleep(10);
  }
}
