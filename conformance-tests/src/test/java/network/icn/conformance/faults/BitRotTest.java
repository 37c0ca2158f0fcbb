package network.icn.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import network.icn.conformance.S3Target;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bits flipped in shard files on disk (on two agents per object, so at most m = 2 shards of any
 * segment): CRC32C catches every bad chunk, parity rebuilds it, and every GET returns the exact
 * bytes, the first time and after the agents quarantined the bad shards.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BitRotTest {
  private static final int MIB = 1 << 20;
  private static final int[] SIZES = {
    4096, 64 * 1024 + 1, 300_000, MIB, 5 * MIB / 2, 3 * MIB + 12_345,
  };

  @TempDir static Path dir;
  private S3Target target;
  private LocalCluster cluster;
  private S3Client s3;
  private final String bucket = S3Target.bucketName("bit-rot");
  private final Map<String, byte[]> objects = new LinkedHashMap<>();
  private SplittableRandom random;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.inProcess(dir, Faults.eightAgents());
    cluster = target.local().orElseThrow().cluster();
    s3 = Faults.client(target, new Faults.AttemptLog(), true);
    s3.createBucket(b -> b.bucket(bucket));
    random = new SplittableRandom(Faults.seed("bit-rot"));
    for (int size : SIZES) {
      byte[] body = Faults.body(random, size);
      Faults.put(s3, bucket, "obj-" + size, body);
      objects.put("obj-" + size, body);
    }
  }

  @AfterAll
  void stop() {
    if (s3 != null) {
      s3.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void getsReturnExactBytesDespiteFlippedBitsInShardFiles() throws Exception {
    long noticedBefore = noticed();
    int flippedShards = 0;
    int flippedBits = 0;
    for (String key : objects.keySet()) {
      ObjectRecord record = Faults.record(cluster, bucket, key);
      if (record.layout().isInline()) {
        continue; // no shards: the bytes live in the metadata record
      }
      List<Integer> rotten = rottenAgents(record);
      for (SegmentRecord segment : record.layout().segments()) {
        int hit = 0;
        for (ShardRecord shard : segment.shards()) {
          LocalCluster.AgentHandle agent = cluster.agentOf(shard.nodeId());
          if (!rotten.contains(agent.index())) {
            continue;
          }
          hit++;
          assertTrue(agent.hasShard(shard.shardId()), shard.shardId() + " on agent " + agent);
          int bits = 1 + random.nextInt(3);
          for (int b = 0; b < bits; b++) {
            agent.flipBit(shard.shardId(), random.nextLong(shard.shardSize()));
          }
          flippedShards++;
          flippedBits += bits;
        }
        assertTrue(hit <= 2, "at most m shards of a segment rot: " + hit);
      }
    }

    for (int round = 1; round <= 2; round++) {
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        Faults.assertReadsBack(s3, bucket, e.getKey(), e.getValue());
      }
      // A range across a segment boundary of the largest object.
      byte[] big = objects.get("obj-" + (3 * MIB + 12_345));
      byte[] part =
          s3.getObjectAsBytes(
                  b ->
                      b.bucket(bucket)
                          .key("obj-" + (3 * MIB + 12_345))
                          .range("bytes=" + (MIB - 1000) + "-" + (2 * MIB + 5000)))
              .asByteArray();
      assertEquals(
          Faults.sha256(Arrays.copyOfRange(big, MIB - 1000, 2 * MIB + 5001)),
          Faults.sha256(part),
          "range read, round " + round);
    }
    long noticed = noticed() - noticedBefore;
    assertTrue(noticed > 0, "flipped data chunks must have been caught and read around");
    System.out.println(
        "bit-rot: "
            + flippedBits
            + " bits flipped in "
            + flippedShards
            + " shard files; every GET exact (twice); "
            + noticed
            + " bad or refused chunks read around, "
            + cluster.metadata().peekRepairs(10_000).size()
            + " repair tasks queued");
  }

  /**
   * Two agents of the object: one holding a data shard of its first segment (so a plain GET must
   * read around it), one more at random.
   */
  private List<Integer> rottenAgents(ObjectRecord record) {
    SegmentRecord first = record.layout().segments().getFirst();
    int dataShards = record.layout().scheme().data();
    ShardRecord data = first.shards().get(random.nextInt(dataShards));
    List<Integer> agents = new ArrayList<>();
    agents.add(cluster.agentOf(data.nodeId()).index());
    List<Integer> others = new ArrayList<>(Faults.holders(cluster, first));
    others.removeAll(agents);
    agents.add(others.get(random.nextInt(others.size())));
    return agents;
  }

  /** Chunks the gateway found corrupt or could not get (agents refuse chunks failing CRC32C). */
  private long noticed() {
    return cluster.stats().corruptChunks() + cluster.stats().unavailableChunks();
  }
}
