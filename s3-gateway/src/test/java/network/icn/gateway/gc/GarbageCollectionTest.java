package network.icn.gateway.gc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.object.CreateMultipartUploadRequest;
import network.icn.gateway.object.MultipartConfig;
import network.icn.gateway.object.MultipartStore;
import network.icn.gateway.object.ObjectSink;
import network.icn.gateway.object.PutObjectRequest;
import network.icn.gateway.object.SegmentedWriter;
import network.icn.gateway.object.UploadPartRequest;
import network.icn.gateway.shard.ShardDeleter;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orphan sweep and multipart expiry against a real 6-agent cluster. */
class GarbageCollectionTest {
  static final String BUCKET = "gc-test";
  static final Duration GRACE = Duration.ofHours(1);

  @TempDir Path dir;
  LocalCluster cluster;
  SettableClock gcClock;
  OrphanSweep sweep;

  @BeforeEach
  void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket(BUCKET);
    gcClock = new SettableClock(Instant.now());
    GcConfig config =
        new GcConfig(
            GRACE,
            Duration.ofHours(1),
            7,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            Duration.ofDays(1),
            100);
    sweep =
        new OrphanSweep(
            cluster.placement(),
            cluster.client(),
            cluster.nodes(),
            cluster.metadata(),
            cluster.context().inFlight(),
            gcClock,
            config);
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static byte[] random(long seed, int size) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  static Set<String> shardIds(List<SegmentRecord> segments) {
    Set<String> ids = new HashSet<>();
    segments.forEach(s -> s.shards().forEach(sh -> ids.add(sh.shardId())));
    return ids;
  }

  ObjectRecord put(String key, byte[] data) {
    return cluster
        .store()
        .put(PutObjectRequest.of(BUCKET, key, data.length), new ByteArrayInputStream(data));
  }

  /** Shards written and never committed, as a crash between the quorum and the commit leaves. */
  Set<String> crashLeftovers(int size) {
    SegmentedWriter writer =
        new SegmentedWriter(
            cluster.context(),
            LocalCluster.TENANT,
            LocalCluster.REGION,
            cluster.options().scheme(),
            size,
            Optional.empty());
    writer.write(ByteBuffer.wrap(random(99, size)));
    Set<String> ids = shardIds(writer.finish().segments());
    writer.settle();
    return ids;
  }

  @Test
  void sweepQueuesOnlyUnreferencedShardsOlderThanTheGracePeriod() throws Exception {
    byte[] data = random(1, 1_300_000);
    ObjectRecord kept = put("kept", data);
    Set<String> orphans = crashLeftovers(400_000);

    OrphanSweep.Result early = sweep.runOnce();
    assertEquals(0, early.orphans(), early.toString());
    assertEquals(orphans.size(), early.young(), early.toString());

    gcClock.set(Instant.now().plus(GRACE).plusSeconds(1));
    OrphanSweep.Result late = sweep.runOnce();
    assertEquals(orphans.size(), late.orphans());
    assertEquals(shardIds(kept.layout().segments()).size(), late.referenced());
    // Orphans are queued as due at the sweep's time; the deleter runs on the same clock.
    new ShardDeleter(
            cluster.metadata(),
            cluster.client(),
            cluster.nodes(),
            gcClock,
            ShardDeleter.Settings.defaults())
        .drain(10);

    List<String> stored = cluster.allShardIds();
    assertTrue(stored.containsAll(shardIds(kept.layout().segments())));
    for (String orphan : orphans) {
      assertFalse(stored.contains(orphan), orphan);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cluster.store().get(BUCKET, "kept", Optional.empty(), ObjectSink.of(out));
    assertArrayEquals(data, out.toByteArray());
    assertEquals(0, sweep.runOnce().orphans());
  }

  @Test
  void shardsOfAWriteStillInFlightSurviveAnyGracePeriod() throws Exception {
    SegmentedWriter writer =
        new SegmentedWriter(
            cluster.context(),
            LocalCluster.TENANT,
            LocalCluster.REGION,
            cluster.options().scheme(),
            -1,
            Optional.empty());
    // One full 1 MiB segment (its receipts are in, so its shards are listed) and a bit more.
    writer.write(ByteBuffer.wrap(random(2, (1 << 20) + 1000)));
    try {
      gcClock.advance(Duration.ofDays(365));
      OrphanSweep.Result result = sweep.runOnce();
      assertEquals(0, result.orphans());
      assertTrue(result.inFlight() >= 6, "in flight: " + result.inFlight());
    } finally {
      writer.abort();
    }
    assertEquals(0, cluster.context().inFlight().size());
  }

  @Test
  void partsOfAnOpenUploadAreReferencedAndExpiryAbortsOnlyOldUploads() throws Exception {
    MultipartStore multipart = cluster.multipart(MultipartConfig.defaults());
    String old =
        multipart.createMultipartUpload(CreateMultipartUploadRequest.of(BUCKET, "old")).uploadId();
    byte[] data = random(3, 300_000);
    PartRecord part =
        multipart.uploadPart(
            UploadPartRequest.of(BUCKET, "old", old, 1, data.length),
            new ByteArrayInputStream(data));
    gcClock.advance(GRACE.multipliedBy(2));
    assertEquals(0, sweep.runOnce().orphans());

    String fresh =
        multipart
            .createMultipartUpload(CreateMultipartUploadRequest.of(BUCKET, "fresh"))
            .uploadId();
    SettableClock expiryClock = new SettableClock(Instant.now().plus(Duration.ofHours(12)));
    MultipartExpiry expiry =
        new MultipartExpiry(cluster.metadata(), expiryClock, Duration.ofDays(1), 10);

    assertEquals(0, expiry.runOnce());
    expiryClock.advance(Duration.ofDays(2));
    assertEquals(2, expiry.runOnce());
    assertEquals(0, expiry.runOnce());
    assertTrue(cluster.metadata().getMultipartUpload(BUCKET, "old", old).isEmpty());
    assertTrue(cluster.metadata().getMultipartUpload(BUCKET, "fresh", fresh).isEmpty());
    cluster.deleter().drain(10);
    List<String> stored = cluster.allShardIds();
    for (String shard : shardIds(part.segments())) {
      assertFalse(stored.contains(shard), shard);
    }
  }
}
