package network.icn.gateway.crash;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.erasure.ErasureScheme;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.RocksMetadataStore;
import network.icn.gateway.object.ErasureObjectStore;
import network.icn.gateway.object.ObjectStats;
import network.icn.gateway.object.PutObjectRequest;
import network.icn.gateway.object.WriterContext;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.StaticPlacement;

/**
 * The process the crash test kills: opens the object layer on a RocksDB metadata dir (sync writes,
 * as in production) against agents the parent runs, starts {@code count} concurrent writes of
 * random sizes and prints {@code ACK key sha256} once each write's commit returned. Runs until
 * killed (it never exits on its own after the writes, so a kill always finds it alive).
 *
 * <p>Arguments: metadata dir, nodes ({@code nodeId|hpId|site|endpoint}, comma-separated), count,
 * seed.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path metadataDir = Path.of(args[0]);
    List<StaticPlacement.Node> nodes =
        Arrays.stream(args[1].split(",")).map(StaticPlacement.Node::decode).toList();
    int count = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Clock clock = Clock.systemUTC();
    PrintStream out = System.out;
    MetadataStore metadata = RocksMetadataStore.open(metadataDir, clock);
    if (metadata.getBucket(CrashWorkload.BUCKET).isEmpty()) {
      metadata.createBucket(
          new BucketRecord(
              CrashWorkload.BUCKET,
              LocalCluster.TENANT,
              LocalCluster.REGION,
              clock.instant(),
              new ErasureScheme(4, 2, 64 * 1024)));
    }
    StaticPlacement placement = new StaticPlacement(nodes);
    NettyAgentClient client =
        new NettyAgentClient(
            LocalCluster.GATEWAY_KEY,
            clock,
            new NettyAgentClient.Settings(2, 64, Duration.ofSeconds(2), Duration.ofSeconds(20)));
    ErasureObjectStore store =
        new ErasureObjectStore(
            new WriterContext(
                placement,
                client,
                new NodeDirectory(placement),
                metadata,
                LocalCluster.Options.small().config(),
                clock,
                new SplittableRandom(seed),
                new ObjectStats()));
    SplittableRandom sizes = new SplittableRandom(seed);
    out.println("READY " + Instant.now());
    out.flush();
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      int size = i % 10 == 0 ? sizes.nextInt(4096) : sizes.nextInt(64 * 1024, 4 << 20);
      writes.add(
          pool.submit(
              () -> {
                String key = CrashWorkload.key(index, size);
                byte[] data = CrashWorkload.content(index, size);
                store.put(
                    PutObjectRequest.of(CrashWorkload.BUCKET, key, size),
                    new ByteArrayInputStream(data));
                synchronized (out) {
                  out.println("ACK " + key + " " + CrashWorkload.sha256(data));
                  out.flush();
                }
                return null;
              }));
    }
    for (var write : writes) {
      try {
        write.get();
      } catch (java.util.concurrent.ExecutionException e) {
        synchronized (out) {
          out.println("FAILED " + e.getCause());
          out.flush();
        }
      }
    }
    out.println("DONE");
    out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
