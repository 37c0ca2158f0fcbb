package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips through a 6-agent 4+2 cluster with 64 KiB chunks and 1 MiB segments. */
class ObjectRoundTripTest {
  private static final int CHUNK = 64 * 1024;
  private static final int STRIPE = 4 * CHUNK;
  private static final int SEGMENT = 1 << 20;

  @TempDir static Path dir;
  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket("round-trip");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ObjectRecord put(String key, byte[] data) {
    return cluster
        .store()
        .put(PutObjectRequest.of("round-trip", key, data.length), new ByteArrayInputStream(data));
  }

  @Test
  void objectsOfBoundarySizesReadBackIdenticalWholeAndInRandomRanges() {
    int[] sizes = {
      0,
      1,
      4096,
      4097,
      CHUNK - 1,
      CHUNK,
      CHUNK + 1,
      STRIPE - 1,
      STRIPE,
      STRIPE + 1,
      SEGMENT - 1,
      SEGMENT,
      SEGMENT + 1,
      2 * SEGMENT + 3 * CHUNK + 17
    };
    SplittableRandom random = new SplittableRandom(99);
    for (int size : sizes) {
      byte[] data = TestBodies.random(size, size);
      String key = "obj-" + size;
      ObjectRecord record = put(key, data);
      assertEquals(size, record.size());
      byte[] whole = TestBodies.read(cluster.store(), "round-trip", key, Optional.empty());
      assertEquals(size, whole.length, "whole read length of " + size);
      assertEquals(
          TestBodies.sha256(data, 0, size),
          TestBodies.sha256(whole, 0, whole.length),
          "whole read of " + size);
      for (int r = 0; r < 6 && size > 0; r++) {
        int first = random.nextInt(size);
        int last = first + random.nextInt(size - first);
        byte[] got =
            TestBodies.read(
                cluster.store(), "round-trip", key, Optional.of(new ByteRange.FromTo(first, last)));
        assertEquals(
            TestBodies.sha256(data, first, last - first + 1),
            TestBodies.sha256(got, 0, got.length),
            "range " + first + "-" + last + " of " + size);
      }
    }
  }

  @Test
  void objectsUpToTheInlineThresholdLiveInTheMetadataRecord() {
    ObjectRecord small = put("inline", TestBodies.random(1, 4096));
    assertTrue(small.layout().isInline());
    ObjectRecord large = put("not-inline", TestBodies.random(2, 4097));
    assertFalse(large.layout().isInline());
    assertEquals(1, large.layout().segments().size());
    assertEquals(6, large.layout().segments().getFirst().shards().size());
  }

  @Test
  void unknownLengthBodiesAreSegmentedLikeKnownOnes() {
    byte[] data = TestBodies.random(3, SEGMENT * 2 + 5);
    ObjectRecord record =
        cluster
            .store()
            .put(PutObjectRequest.of("round-trip", "chunked", -1), new ByteArrayInputStream(data));
    assertEquals(3, record.layout().segments().size());
    byte[] back = TestBodies.read(cluster.store(), "round-trip", "chunked", Optional.empty());
    assertEquals(TestBodies.sha256(data, 0, data.length), TestBodies.sha256(back, 0, back.length));
  }

  @Test
  void etagIsTheMd5AndRequestedChecksumsAreStored() throws Exception {
    byte[] data = TestBodies.random(4, 300_000);
    String md5 =
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("MD5").digest(data));
    String sha =
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    ObjectRecord record =
        cluster
            .store()
            .put(
                PutObjectRequest.of("round-trip", "digests", data.length)
                    .withContentMd5(md5)
                    .withChecksum(ChecksumAlgorithm.SHA256, Optional.of(sha)),
                new ByteArrayInputStream(data));
    assertEquals(
        "\"" + HexFormat.of().formatHex(Base64.getDecoder().decode(md5)) + "\"", record.etag());
    assertEquals(sha, record.checksums().values().get("SHA256"));
  }

  @Test
  void badContentMd5FailsWithBadDigestAndCommitsNothing() throws Exception {
    byte[] data = TestBodies.random(5, 200_000);
    ObjectException e =
        assertThrows(
            ObjectException.class,
            () ->
                cluster
                    .store()
                    .put(
                        PutObjectRequest.of("round-trip", "bad-md5", data.length)
                            .withContentMd5(Base64.getEncoder().encodeToString(new byte[16])),
                        new ByteArrayInputStream(data)));
    assertEquals(ObjectError.BAD_DIGEST, e.error());
    assertTrue(cluster.metadata().getObject("round-trip", "bad-md5").isEmpty());
  }

  @Test
  void shortBodyFailsWithIncompleteBody() {
    ObjectException e =
        assertThrows(
            ObjectException.class,
            () ->
                cluster
                    .store()
                    .put(
                        PutObjectRequest.of("round-trip", "short", 500_000),
                        new ByteArrayInputStream(new byte[400_000])));
    assertEquals(ObjectError.INCOMPLETE_BODY, e.error());
  }

  @Test
  void overwriteReplacesTheObjectAndQueuesTheOldShardsForDeletion() throws Exception {
    ObjectRecord first = put("over", TestBodies.random(6, 500_000));
    byte[] second = TestBodies.random(7, 300_000);
    put("over", second);
    byte[] back = TestBodies.read(cluster.store(), "round-trip", "over", Optional.empty());
    assertEquals(
        TestBodies.sha256(second, 0, second.length), TestBodies.sha256(back, 0, back.length));
    cluster.deleter().drain(10);
    for (SegmentRecord segment : first.layout().segments()) {
      for (ShardRecord shard : segment.shards()) {
        assertFalse(
            cluster.agentOf(shard.nodeId()).hasShard(shard.shardId()),
            "old shard " + shard.shardId() + " still stored");
      }
    }
  }

  @Test
  void ifNoneMatchRefusesToOverwrite() {
    put("once", TestBodies.random(8, 10_000));
    ObjectException e =
        assertThrows(
            ObjectException.class,
            () ->
                cluster
                    .store()
                    .put(
                        PutObjectRequest.of("round-trip", "once", 10_000)
                            .withPrecondition(Precondition.ifAbsent()),
                        new ByteArrayInputStream(new byte[10_000])));
    assertEquals(ObjectError.PRECONDITION_FAILED, e.error());
  }

  @Test
  void missingKeysBucketsAndUnsatisfiableRangesHaveClearErrors() {
    assertEquals(
        ObjectError.NO_SUCH_KEY,
        assertThrows(ObjectException.class, () -> cluster.store().head("round-trip", "nope"))
            .error());
    assertEquals(
        ObjectError.NO_SUCH_BUCKET,
        assertThrows(ObjectException.class, () -> cluster.store().head("nobucket", "k")).error());
    put("ranged", TestBodies.random(9, 1000));
    assertEquals(
        ObjectError.INVALID_RANGE,
        assertThrows(
                ObjectException.class,
                () ->
                    TestBodies.read(
                        cluster.store(),
                        "round-trip",
                        "ranged",
                        Optional.of(new ByteRange.From(1000))))
            .error());
  }

  @Test
  void deleteRemovesTheRecordAndTheDeleterRemovesTheShards() throws Exception {
    ObjectRecord record = put("gone", TestBodies.random(10, 700_000));
    cluster.store().delete("round-trip", "gone");
    cluster.deleter().drain(10);
    List<String> stored = cluster.allShardIds();
    for (ShardRecord shard : record.layout().segments().getFirst().shards()) {
      assertFalse(stored.contains(shard.shardId()));
    }
  }
}
