package network.icn.gateway.crash;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import network.icn.erasure.ErasureScheme;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.InMemoryMetadataStore;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.object.ErasureObjectStore;
import network.icn.gateway.object.ObjectConfig;
import network.icn.gateway.object.ObjectStats;
import network.icn.gateway.object.ObjectUpload;
import network.icn.gateway.object.PutObjectRequest;
import network.icn.gateway.object.WriterContext;
import network.icn.gateway.shard.NodeDirectory;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.StaticPlacement;
import network.icn.gateway.testing.SyntheticAgentClient;
import org.web3j.crypto.ECKeyPair;

/**
 * The memory test's child: streams one object of {@code args[0]} bytes through the real object
 * layer (default scheme and segment size) into agent fakes that keep no data, reads it back, and
 * prints {@code RESULT <write sha256> <read sha256> <bytes read> <peak heap bytes> <write s> <read
 * s>}. Exits 0 when the hashes match, 2 otherwise; an OutOfMemoryError exits non-zero.
 */
public final class LargeStreamMain {
  private LargeStreamMain() {}

  public static void main(String[] args) throws Exception {
    long total = Long.parseLong(args[0]);
    Clock clock = Clock.systemUTC();
    ErasureScheme scheme = ErasureScheme.DEFAULT;
    List<ECKeyPair> keys = SyntheticAgentClient.nodeKeys(scheme.totalShards());
    List<StaticPlacement.Node> nodes = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String id = network.icn.agent.client.Signatures.address(keys.get(i));
      nodes.add(new StaticPlacement.Node(id, id, "site-" + i, "http://127.0.0.1:" + (40000 + i)));
    }
    StaticPlacement placement = new StaticPlacement(nodes);
    InMemoryMetadataStore metadata = new InMemoryMetadataStore(clock);
    metadata.createBucket(
        new BucketRecord("big", LocalCluster.TENANT, LocalCluster.REGION, clock.instant(), scheme));
    ObjectConfig config =
        ObjectConfig.defaults()
            .withTimeouts(
                Duration.ofSeconds(60),
                Duration.ofSeconds(120),
                Duration.ofSeconds(120),
                Duration.ofSeconds(300));
    WriterContext context =
        new WriterContext(
            placement,
            new SyntheticAgentClient(scheme.data(), keys),
            new NodeDirectory(placement),
            metadata,
            config,
            clock,
            new SplittableRandom(5),
            new ObjectStats());
    ErasureObjectStore store = new ErasureObjectStore(context);

    MessageDigest written = MessageDigest.getInstance("SHA-256");
    ByteBuffer block = ByteBuffer.allocate(1 << 20);
    Instant start = Instant.now();
    ObjectRecord record;
    try (ObjectUpload upload = store.beginPut(PutObjectRequest.of("big", "five-gib", total))) {
      for (long at = 0; at < total; ) {
        int n = (int) Math.min(block.capacity(), total - at);
        block.clear().limit(n);
        SyntheticAgentClient.generate(at, block);
        block.flip();
        written.update(block.duplicate());
        upload.write(block);
        at += n;
      }
      record = upload.complete();
    }
    Instant wrote = Instant.now();
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long[] bytes = {0};
    store.read(
        record,
        Optional.empty(),
        data -> {
          bytes[0] += data.remaining();
          read.update(data);
        });
    Instant readDone = Instant.now();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    String w = HexFormat.of().formatHex(written.digest());
    String r = HexFormat.of().formatHex(read.digest());
    System.out.printf(
        "RESULT %s %s %d %d %.1f %.1f%n",
        w,
        r,
        bytes[0],
        peak,
        Duration.between(start, wrote).toMillis() / 1000.0,
        Duration.between(wrote, readDone).toMillis() / 1000.0);
    System.out.flush();
    int lent = context.readBuffers().outstanding();
    if (lent != 0) {
      System.err.println(lent + " read buffers not returned to the pool");
    }
    System.exit(w.equals(r) && bytes[0] == total && lent == 0 ? 0 : 2);
  }
}
