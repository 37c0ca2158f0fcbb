package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shard → owner reverse index and the expiry scan, run against both engines: every batch that
 * adds or drops a shard reference keeps the index exact.
 */
abstract class ShardIndexContract {
  static final String BUCKET = "photos";

  abstract KvMetadataStore newStore(MutableClock clock);

  MutableClock clock;
  KvMetadataStore store;

  @BeforeEach
  void openStore() {
    clock = new MutableClock(Fixtures.T0);
    store = newStore(clock);
    store.createBucket(Fixtures.bucket(BUCKET, "tenant-42"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void assertOwners(List<SegmentRecord> segments, Optional<ShardOwner> expected) {
    for (SegmentRecord segment : segments) {
      for (ShardRecord shard : segment.shards()) {
        assertEquals(expected, store.shardOwner(shard.nodeId(), shard.shardId()), shard.shardId());
      }
    }
  }

  private static List<SegmentRecord> segments(ObjectRecord object) {
    return object.layout().segments();
  }

  @Test
  void commitIndexesTheObjectsShardsAndOverwriteDropsTheOldOnes() {
    ObjectRecord first = Fixtures.segmentedObject(BUCKET, "k", "one");
    store.commitObject(ObjectCommit.put(first));
    assertOwners(segments(first), Optional.of(ShardOwner.object(BUCKET, "k")));

    ObjectRecord second = Fixtures.segmentedObject(BUCKET, "k", "two");
    store.commitObject(ObjectCommit.put(second));
    assertOwners(segments(first), Optional.empty());
    assertOwners(segments(second), Optional.of(ShardOwner.object(BUCKET, "k")));

    store.deleteObject(BUCKET, "k", Precondition.none());
    assertOwners(segments(second), Optional.empty());
  }

  @Test
  void partsAreIndexedUntilAbortAndAReplacedPartLosesItsEntries() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord p1 = Fixtures.part("u-1", 1, "p1");
    store.putPart(BUCKET, "big", p1);
    assertOwners(p1.segments(), Optional.of(ShardOwner.part(BUCKET, "big", "u-1", 1)));

    PartRecord p1b = Fixtures.part("u-1", 1, "p1b");
    store.putPart(BUCKET, "big", p1b);
    assertOwners(p1.segments(), Optional.empty());
    assertOwners(p1b.segments(), Optional.of(ShardOwner.part(BUCKET, "big", "u-1", 1)));

    store.abortMultipartUpload(BUCKET, "big", "u-1");
    assertOwners(p1b.segments(), Optional.empty());
  }

  @Test
  void completionMovesUsedPartsToTheObjectAndDropsUnusedOnes() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord p1 = Fixtures.part("u-1", 1, "p1");
    PartRecord p2 = Fixtures.part("u-1", 2, "p2");
    store.putPart(BUCKET, "big", p1);
    store.putPart(BUCKET, "big", p2);

    store.commitObject(completion("big", "u-1", p1));

    assertOwners(p1.segments(), Optional.of(ShardOwner.object(BUCKET, "big")));
    assertOwners(p2.segments(), Optional.empty());
  }

  @Test
  void completionWithAReplacedPartFailsAndChangesNothing() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord stale = Fixtures.part("u-1", 1, "p1");
    store.putPart(BUCKET, "big", stale);
    PartRecord fresh = Fixtures.part("u-1", 1, "p1-again");
    store.putPart(BUCKET, "big", fresh);

    MetadataStoreContract.assertFails(
        MetadataError.INVALID_PART, () -> store.commitObject(completion("big", "u-1", stale)));

    assertTrue(store.getObject(BUCKET, "big").isEmpty());
    assertTrue(store.getMultipartUpload(BUCKET, "big", "u-1").isPresent());
    assertOwners(fresh.segments(), Optional.of(ShardOwner.part(BUCKET, "big", "u-1", 1)));
  }

  @Test
  void expiryScanReturnsOnlyUploadsInitiatedBeforeTheCutoffAcrossBuckets() {
    store.createBucket(Fixtures.bucket("other", "tenant-42"));
    store.createMultipartUpload(Fixtures.upload(BUCKET, "a", "u-old"));
    store.createMultipartUpload(Fixtures.upload("other", "b", "u-old2"));
    MultipartUploadRecord young =
        withInitiated(Fixtures.upload(BUCKET, "c", "u-young"), Duration.ofDays(2));
    store.createMultipartUpload(young);

    List<MultipartUploadRecord> old =
        store.multipartUploadsInitiatedBefore(Fixtures.T0.plus(Duration.ofDays(1)), 10);

    assertEquals(List.of("u-old", "u-old2"), old.stream().map(u -> u.uploadId()).sorted().toList());
    assertEquals(1, store.multipartUploadsInitiatedBefore(Fixtures.T0.plusSeconds(1), 1).size());
    assertTrue(
        store.multipartUploadsInitiatedBefore(Fixtures.T0, 10).stream()
            .noneMatch(Predicate.not(u -> u.initiated().isBefore(Fixtures.T0))));
  }

  private static MultipartUploadRecord withInitiated(MultipartUploadRecord u, Duration later) {
    return new MultipartUploadRecord(
        u.uploadId(),
        u.bucket(),
        u.key(),
        u.initiated().plus(later),
        u.ownerTenantId(),
        u.storageClass(),
        u.headers(),
        u.userMetadata(),
        u.checksumAlgorithm(),
        u.checksumType(),
        u.scheme(),
        u.encryption());
  }

  private static ObjectCommit completion(String key, String uploadId, PartRecord... parts) {
    List<SegmentRecord> segments =
        java.util.Arrays.stream(parts).flatMap(p -> p.segments().stream()).toList();
    List<PartBoundary> boundaries =
        java.util.Arrays.stream(parts).map(PartRecord::boundary).toList();
    long size = java.util.Arrays.stream(parts).mapToLong(PartRecord::size).sum();
    ObjectRecord object =
        new ObjectRecord(
            BUCKET,
            key,
            size,
            "\"x-" + parts.length + "\"",
            Fixtures.T0,
            "STANDARD",
            Checksums.NONE,
            ContentHeaders.NONE,
            java.util.Map.of(),
            null,
            new ObjectLayout(Fixtures.RS_4_2, null, segments, boundaries));
    return new ObjectCommit(object, Precondition.none(), uploadId, List.of());
  }
}
