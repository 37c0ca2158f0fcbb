package network.icn.agent.testing;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import network.icn.agent.AgentConfig;
import network.icn.agent.RunningAgent;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.client.Signatures;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.agent.merkle.ErasureShardMerkle;
import org.web3j.crypto.ECKeyPair;

/** Starts a real agent in-process on 127.0.0.1:0 with a data dir and a gateway key allowed. */
public final class AgentFixture implements AutoCloseable {
  public static final ECKeyPair GATEWAY = ECKeyPair.create(java.math.BigInteger.valueOf(0xC0FFEE));
  public static final ECKeyPair STRANGER = ECKeyPair.create(java.math.BigInteger.valueOf(0xBAD));

  public final RunningAgent agent;
  public final NettyAgentClient client;

  public AgentFixture(Path dataDir, String... extraFlags) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--listen=127.0.0.1:0",
                "--data-dir=" + dataDir,
                "--capacity=64M",
                "--scrub-rate=0",
                "--shutdown-grace=2s",
                "--allowed-gateways=" + Signatures.address(GATEWAY)));
    args.addAll(List.of(extraFlags));
    AgentConfig config = AgentConfig.parse(args.toArray(String[]::new), Map.of());
    agent = RunningAgent.start(config, Clock.systemUTC(), Optional.empty());
    client = new NettyAgentClient(GATEWAY, Clock.systemUTC(), NettyAgentClient.Settings.defaults());
  }

  public java.net.InetSocketAddress node() {
    return agent.address();
  }

  public String nodeId() {
    return agent.nodeId();
  }

  public ShardReceipt put(String id, byte[] data, int chunkSize) throws Exception {
    ShardSpec spec = TestShards.spec(data, chunkSize, new ErasureShardMerkle());
    return put(id, data, spec).get(30, TimeUnit.SECONDS);
  }

  public CompletableFuture<ShardReceipt> put(String id, byte[] data, ShardSpec spec) {
    int[] offset = {0};
    return client.put(
        node(),
        nodeId(),
        new ShardId(id),
        spec,
        () -> {
          if (offset[0] == data.length) {
            return null;
          }
          int n = Math.min(100_000, data.length - offset[0]);
          ByteBuffer b = ByteBuffer.wrap(data, offset[0], n);
          offset[0] += n;
          return b;
        });
  }

  /** Streams {@code data} with the spec in trailers; the trailer sent is {@code spec}. */
  public CompletableFuture<ShardReceipt> putStreaming(String id, byte[] data, ShardSpec spec) {
    int[] offset = {0};
    return client.putStreaming(
        node(),
        nodeId(),
        new ShardId(id),
        spec.chunkSize(),
        new network.icn.agent.client.AgentClient.StreamingShardSource() {
          @Override
          public ByteBuffer next() {
            if (offset[0] == data.length) {
              return null;
            }
            int n = Math.min(100_000, data.length - offset[0]);
            ByteBuffer b = ByteBuffer.wrap(data, offset[0], n);
            offset[0] += n;
            return b;
          }

          @Override
          public ShardSpec spec() {
            return spec;
          }
        });
  }

  public CompletableFuture<byte[]> get(String id, Optional<long[]> range) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    return client
        .get(
            node(),
            nodeId(),
            new ShardId(id),
            range,
            data -> {
              byte[] bytes = new byte[data.remaining()];
              data.get(bytes);
              out.writeBytes(bytes);
              return CompletableFuture.completedFuture(null);
            })
        .thenApply(v -> out.toByteArray());
  }

  @Override
  public void close() {
    client.close();
    agent.close();
  }
}
