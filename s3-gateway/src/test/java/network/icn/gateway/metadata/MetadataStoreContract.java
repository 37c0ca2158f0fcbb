package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link MetadataStore} must have; run against RocksDB and in memory. The 10
 * 000-key listing data set is loaded once per store class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetadataStoreContract {
  static final String OWNER = "tenant-42";
  static final String BUCKET = "photos";

  /** A fresh, empty store. */
  abstract KvMetadataStore newStore(MutableClock clock);

  MutableClock clock;
  KvMetadataStore store;

  private KvMetadataStore listingStore;
  private List<String> listingKeys;

  @BeforeEach
  void openStore() {
    clock = new MutableClock(Fixtures.T0);
    store = newStore(clock);
    store.createBucket(Fixtures.bucket(BUCKET, OWNER));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @BeforeAll
  void loadListingDataSet() {
    listingStore = newStore(new MutableClock(Fixtures.T0));
    listingStore.createBucket(Fixtures.bucket("listing", OWNER));
    listingKeys = ListingFixture.keys();
    for (String key : listingKeys) {
      listingStore.commitObject(ObjectCommit.put(Fixtures.inlineObject("listing", key, "\"e\"")));
    }
    listingStore.createBucket(Fixtures.bucket("wide", OWNER));
    listingStore.commitObject(ObjectCommit.put(Fixtures.inlineObject("wide", "a", "\"e\"")));
    for (int i = 0; i < 10_000; i++) {
      listingStore.commitObject(
          ObjectCommit.put(Fixtures.inlineObject("wide", "only/k-%05d".formatted(i), "\"e\"")));
    }
    listingStore.commitObject(ObjectCommit.put(Fixtures.inlineObject("wide", "z", "\"e\"")));
  }

  @AfterAll
  void closeListingStore() {
    listingStore.close();
  }

  static void assertFails(MetadataError expected, Executable action) {
    MetadataException e = assertThrows(MetadataException.class, action);
    assertEquals(expected, e.error(), e.getMessage());
  }

  private List<ShardDeletion> queuedDeletions() {
    return store.peekShardDeletions(Instant.MAX.minusSeconds(1), Integer.MAX_VALUE);
  }

  private static Set<String> shardIds(List<SegmentRecord> segments) {
    Set<String> out = new HashSet<>();
    segments.forEach(s -> s.shards().forEach(sh -> out.add(sh.shardId())));
    return out;
  }

  private static Set<String> deletedShardIds(List<ShardDeletion> deletions) {
    Set<String> out = new HashSet<>();
    deletions.forEach(d -> out.add(d.shardId()));
    return out;
  }

  // ---- buckets ----

  @Test
  void createdBucketIsReadableAndListedForItsOwnerOnly() {
    store.createBucket(Fixtures.bucket("archive", OWNER));
    store.createBucket(Fixtures.bucket("other-tenants", "tenant-7"));
    assertEquals(Optional.of(Fixtures.bucket("archive", OWNER)), store.getBucket("archive"));
    assertEquals(
        List.of("archive", BUCKET),
        store.listBuckets(OWNER).stream().map(BucketRecord::name).toList());
    assertEquals(1, store.listBuckets("tenant-7").size());
    assertTrue(store.getBucket("missing").isEmpty());
  }

  @Test
  void creatingAnExistingBucketTellsWhetherTheCallerOwnsIt() {
    assertFails(
        MetadataError.BUCKET_ALREADY_OWNED_BY_YOU,
        () -> store.createBucket(Fixtures.bucket(BUCKET, OWNER)));
    assertFails(
        MetadataError.BUCKET_ALREADY_EXISTS,
        () -> store.createBucket(Fixtures.bucket(BUCKET, "tenant-7")));
  }

  @Test
  void deletingANonEmptyBucketFailsUntilItsObjectsAndUploadsAreGone() {
    store.commitObject(ObjectCommit.put(Fixtures.inlineObject(BUCKET, "k", "\"1\"")));
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    assertFails(MetadataError.BUCKET_NOT_EMPTY, () -> store.deleteBucket(BUCKET));
    store.deleteObject(BUCKET, "k", Precondition.none());
    assertFails(MetadataError.BUCKET_NOT_EMPTY, () -> store.deleteBucket(BUCKET));
    store.abortMultipartUpload(BUCKET, "big", "u-1");
    store.deleteBucket(BUCKET);
    assertTrue(store.getBucket(BUCKET).isEmpty());
  }

  @Test
  void emptinessCheckIgnoresBucketsWhoseNameExtendsThisOne() {
    store.createBucket(Fixtures.bucket(BUCKET + "-2", OWNER));
    store.commitObject(ObjectCommit.put(Fixtures.inlineObject(BUCKET + "-2", "k", "\"1\"")));
    store.deleteBucket(BUCKET);
    assertTrue(store.getBucket(BUCKET).isEmpty());
  }

  @Test
  void deletingOrWritingIntoAMissingBucketFailsWithNoSuchBucket() {
    assertFails(MetadataError.NO_SUCH_BUCKET, () -> store.deleteBucket("missing"));
    assertFails(
        MetadataError.NO_SUCH_BUCKET,
        () -> store.commitObject(ObjectCommit.put(Fixtures.inlineObject("missing", "k", "\"1\""))));
    assertFails(
        MetadataError.NO_SUCH_BUCKET, () -> store.listObjects("missing", ListObjectsQuery.all(10)));
    assertFails(
        MetadataError.NO_SUCH_BUCKET,
        () -> store.createMultipartUpload(Fixtures.upload("missing", "k", "u")));
  }

  // ---- objects ----

  @Test
  void committedObjectReadsBackIdentically() {
    ObjectRecord full = Fixtures.fullObject();
    assertTrue(store.commitObject(ObjectCommit.put(full)).isEmpty());
    assertEquals(Optional.of(full), store.getObject(full.bucket(), full.key()));
    assertTrue(store.getObject(BUCKET, "absent").isEmpty());
    assertTrue(queuedDeletions().isEmpty());
  }

  @Test
  void overwriteReplacesTheRecordAndQueuesTheOldShardsForDeletion() {
    ObjectRecord first = Fixtures.segmentedObject(BUCKET, "k", "v1");
    ObjectRecord second = Fixtures.segmentedObject(BUCKET, "k", "v2");
    store.commitObject(ObjectCommit.put(first));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Optional.of(first), store.commitObject(ObjectCommit.put(second)));
    assertEquals(Optional.of(second), store.getObject(BUCKET, "k"));
    List<ShardDeletion> queued = queuedDeletions();
    assertEquals(shardIds(first.layout().segments()), deletedShardIds(queued));
    assertTrue(
        queued.stream().allMatch(d -> d.enqueued().equals(clock.instant()) && d.attempts() == 0));
  }

  @Test
  void overwriteThatReusesShardsDoesNotQueueThem() {
    ObjectRecord first = Fixtures.segmentedObject(BUCKET, "k", "v1");
    store.commitObject(ObjectCommit.put(first));
    ObjectRecord sameData =
        new ObjectRecord(
            BUCKET,
            "k",
            first.size(),
            first.etag(),
            Fixtures.T0.plusSeconds(1),
            "STANDARD",
            first.checksums(),
            ContentHeaders.ofType("text/plain"),
            java.util.Map.of("x", "y"),
            null,
            first.layout());
    store.commitObject(ObjectCommit.put(sameData));
    assertTrue(queuedDeletions().isEmpty());
  }

  @Test
  void deleteRemovesTheRecordAndQueuesItsShards() {
    ObjectRecord object = Fixtures.segmentedObject(BUCKET, "k", "v1");
    store.commitObject(ObjectCommit.put(object));
    assertEquals(Optional.of(object), store.deleteObject(BUCKET, "k", Precondition.none()));
    assertTrue(store.getObject(BUCKET, "k").isEmpty());
    assertEquals(shardIds(object.layout().segments()), deletedShardIds(queuedDeletions()));
  }

  @Test
  void deletingAMissingKeySucceedsWithNothingToReturn() {
    assertTrue(store.deleteObject(BUCKET, "never-was", Precondition.none()).isEmpty());
    assertTrue(queuedDeletions().isEmpty());
  }

  @Test
  void ifNoneMatchStarFailsWhenTheKeyExists() {
    ObjectCommit create =
        ObjectCommit.put(Fixtures.inlineObject(BUCKET, "k", "\"1\""))
            .withPrecondition(Precondition.ifAbsent());
    store.commitObject(create);
    assertFails(MetadataError.PRECONDITION_FAILED, () -> store.commitObject(create));
  }

  @Test
  void ifMatchSucceedsOnlyWithTheCurrentEtagQuotedOrNot() {
    store.commitObject(ObjectCommit.put(Fixtures.inlineObject(BUCKET, "k", "\"abc\"")));
    ObjectRecord next = Fixtures.inlineObject(BUCKET, "k", "\"def\"");
    assertFails(
        MetadataError.PRECONDITION_FAILED,
        () ->
            store.commitObject(
                ObjectCommit.put(next).withPrecondition(Precondition.ifMatch("\"zzz\""))));
    assertFails(
        MetadataError.PRECONDITION_FAILED,
        () ->
            store.commitObject(
                ObjectCommit.put(Fixtures.inlineObject(BUCKET, "absent", "\"1\""))
                    .withPrecondition(Precondition.ifMatch("\"abc\""))));
    store.commitObject(ObjectCommit.put(next).withPrecondition(Precondition.ifMatch("abc")));
    assertEquals("\"def\"", store.getObject(BUCKET, "k").orElseThrow().etag());
    assertFails(
        MetadataError.PRECONDITION_FAILED,
        () -> store.deleteObject(BUCKET, "k", Precondition.ifMatch("\"abc\"")));
    assertTrue(store.deleteObject(BUCKET, "k", Precondition.ifMatch("\"def\"")).isPresent());
  }

  @Test
  void concurrentIfNoneMatchWritesOnOneKeyHaveExactlyOneWinner() throws Exception {
    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int i = 0; i < threads; i++) {
        ObjectRecord candidate = Fixtures.segmentedObject(BUCKET, "contended", "writer-" + i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    store.commitObject(
                        ObjectCommit.put(candidate).withPrecondition(Precondition.ifAbsent()));
                    return true;
                  } catch (MetadataException e) {
                    assertEquals(MetadataError.PRECONDITION_FAILED, e.error());
                    return false;
                  }
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertEquals(1, winners);
    }
    assertTrue(queuedDeletions().isEmpty(), "a loser must not have replaced anything");
  }

  @Test
  void commitQueuesRepairTasksForMissingShardsAtomically() {
    ObjectRecord object = Fixtures.segmentedObject(BUCKET, "k", "v1");
    RepairTask task =
        new RepairTask(BUCKET, "k", "v1", List.of(5), "WRITE_QUORUM_PARTIAL", Fixtures.T0);
    store.commitObject(new ObjectCommit(object, Precondition.none(), null, List.of(task)));
    assertEquals(List.of(task), store.peekRepairs(10));
    assertThrows(
        MetadataException.class,
        () -> new ObjectCommit(object, Precondition.none(), null, List.of(Fixtures.repair())));
  }

  // ---- multipart ----

  @Test
  void partsListInPagesByPartNumber() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    for (int n : new int[] {3, 1, 10_000, 2, 7}) {
      store.putPart(BUCKET, "big", Fixtures.part("u-1", n, "p" + n));
    }
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-10"));
    store.putPart(BUCKET, "big", Fixtures.part("u-10", 1, "other"));
    PartListing first = store.listParts("u-1", 0, 2);
    assertEquals(List.of(1, 2), first.parts().stream().map(PartRecord::partNumber).toList());
    assertTrue(first.truncated());
    assertEquals(2, first.nextPartNumberMarker());
    PartListing rest = store.listParts("u-1", 2, 10);
    assertEquals(List.of(3, 7, 10_000), rest.parts().stream().map(PartRecord::partNumber).toList());
    assertFalse(rest.truncated());
    assertEquals(Optional.of(Fixtures.part("u-1", 7, "p7")), store.getPart("u-1", 7));
    assertTrue(store.listParts("u-1", 10_000, 10).parts().isEmpty());
  }

  @Test
  void putPartForAMissingUploadFailsWithNoSuchUpload() {
    assertFails(
        MetadataError.NO_SUCH_UPLOAD,
        () -> store.putPart(BUCKET, "big", Fixtures.part("nope", 1, "p")));
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    assertFails(
        MetadataError.NO_SUCH_UPLOAD,
        () -> store.putPart(BUCKET, "other-key", Fixtures.part("u-1", 1, "p")));
  }

  @Test
  void reuploadingAPartQueuesTheReplacedPartsShards() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord first = Fixtures.part("u-1", 1, "a");
    store.putPart(BUCKET, "big", first);
    assertEquals(Optional.of(first), store.putPart(BUCKET, "big", Fixtures.part("u-1", 1, "b")));
    assertEquals(shardIds(first.segments()), deletedShardIds(queuedDeletions()));
  }

  @Test
  void completingRemovesTheUploadAndPartsAndQueuesOnlyUnusedParts() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord one = Fixtures.part("u-1", 1, "one");
    PartRecord two = Fixtures.part("u-1", 2, "two");
    PartRecord unused = Fixtures.part("u-1", 3, "three");
    for (PartRecord part : List.of(one, two, unused)) {
      store.putPart(BUCKET, "big", part);
    }
    List<SegmentRecord> segments = new ArrayList<>(one.segments());
    segments.addAll(two.segments());
    ObjectRecord completed =
        new ObjectRecord(
            BUCKET,
            "big",
            one.size() + two.size(),
            "\"x-2\"",
            Fixtures.T0,
            "STANDARD",
            Checksums.NONE,
            ContentHeaders.NONE,
            java.util.Map.of(),
            null,
            new ObjectLayout(
                Fixtures.RS_4_2, null, segments, List.of(one.boundary(), two.boundary())));
    store.commitObject(new ObjectCommit(completed, Precondition.none(), "u-1", List.of()));
    assertEquals(Optional.of(completed), store.getObject(BUCKET, "big"));
    assertTrue(store.getMultipartUpload(BUCKET, "big", "u-1").isEmpty());
    assertTrue(store.listParts("u-1", 0, 100).parts().isEmpty());
    assertEquals(shardIds(unused.segments()), deletedShardIds(queuedDeletions()));
  }

  @Test
  void completingAMissingUploadFailsAndCommitsNothing() {
    ObjectRecord object = Fixtures.segmentedObject(BUCKET, "big", "v1");
    assertFails(
        MetadataError.NO_SUCH_UPLOAD,
        () ->
            store.commitObject(new ObjectCommit(object, Precondition.none(), "u-gone", List.of())));
    assertTrue(store.getObject(BUCKET, "big").isEmpty());
  }

  @Test
  void abortRemovesUploadAndPartsAndQueuesAllTheirShards() {
    store.createMultipartUpload(Fixtures.upload(BUCKET, "big", "u-1"));
    PartRecord one = Fixtures.part("u-1", 1, "one");
    PartRecord two = Fixtures.part("u-1", 2, "two");
    store.putPart(BUCKET, "big", one);
    store.putPart(BUCKET, "big", two);
    store.abortMultipartUpload(BUCKET, "big", "u-1");
    assertTrue(store.getMultipartUpload(BUCKET, "big", "u-1").isEmpty());
    assertTrue(store.getPart("u-1", 1).isEmpty());
    Set<String> expected = shardIds(one.segments());
    expected.addAll(shardIds(two.segments()));
    assertEquals(expected, deletedShardIds(queuedDeletions()));
    assertFails(
        MetadataError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(BUCKET, "big", "u-1"));
  }

  @Test
  void uploadsListByKeyThenUploadIdWithDelimiterAndMarkers() {
    String[][] uploads = {
      {"a/one", "u-1"},
      {"a/two", "u-2"},
      {"b", "u-3"},
      {"b", "u-4"},
      {"b\u0001", "u-5"},
      {"c/d/e", "u-6"}
    };
    for (String[] u : uploads) {
      store.createMultipartUpload(Fixtures.upload(BUCKET, u[0], u[1]));
    }
    UploadListing all = store.listMultipartUploads(BUCKET, ListUploadsQuery.all(100));
    assertEquals(
        List.of("u-1", "u-2", "u-3", "u-4", "u-5", "u-6"),
        all.uploads().stream().map(MultipartUploadRecord::uploadId).toList());
    UploadListing rolled =
        store.listMultipartUploads(BUCKET, new ListUploadsQuery("", "/", "", "", 100));
    assertEquals(List.of("a/", "c/"), rolled.commonPrefixes());
    assertEquals(
        List.of("u-3", "u-4", "u-5"),
        rolled.uploads().stream().map(MultipartUploadRecord::uploadId).toList());
    UploadListing page =
        store.listMultipartUploads(BUCKET, new ListUploadsQuery("", "/", "", "", 2));
    assertEquals(List.of("a/"), page.commonPrefixes());
    assertEquals("b", page.nextKeyMarker());
    assertEquals("u-3", page.nextUploadIdMarker());
    UploadListing next =
        store.listMultipartUploads(
            BUCKET,
            new ListUploadsQuery("", "/", page.nextKeyMarker(), page.nextUploadIdMarker(), 2));
    assertEquals(
        List.of("u-4", "u-5"),
        next.uploads().stream().map(MultipartUploadRecord::uploadId).toList());
    UploadListing afterKey =
        store.listMultipartUploads(BUCKET, new ListUploadsQuery("", "", "b", "", 100));
    assertEquals(
        List.of("u-5", "u-6"),
        afterKey.uploads().stream().map(MultipartUploadRecord::uploadId).toList());
    UploadListing afterPrefix =
        store.listMultipartUploads(BUCKET, new ListUploadsQuery("", "/", "a/", "", 100));
    assertEquals(List.of("c/"), afterPrefix.commonPrefixes());
    assertFalse(afterPrefix.truncated());
  }

  // ---- tenants and keys ----

  @Test
  void tenantsAndAccessKeysAreStoredListedAndRevoked() {
    store.createTenant(Fixtures.tenant());
    assertFails(MetadataError.TENANT_ALREADY_EXISTS, () -> store.createTenant(Fixtures.tenant()));
    AccessKeyRecord key = Fixtures.accessKey();
    AccessKeyRecord active = key.withStatus(AccessKeyStatus.ACTIVE);
    store.createAccessKey(active);
    assertFails(MetadataError.ACCESS_KEY_ALREADY_EXISTS, () -> store.createAccessKey(active));
    assertFails(
        MetadataError.NO_SUCH_TENANT,
        () ->
            store.createAccessKey(
                new AccessKeyRecord(
                    "AK2", "ghost", new byte[] {1}, Fixtures.T0, AccessKeyStatus.ACTIVE)));
    store.setAccessKeyStatus(key.accessKeyId(), AccessKeyStatus.REVOKED);
    assertEquals(Optional.of(key), store.getAccessKey(key.accessKeyId()));
    assertEquals(List.of(key), store.listAccessKeys("tenant-42"));
    assertEquals(List.of(Fixtures.tenant()), store.listTenants());
    assertFails(
        MetadataError.NO_SUCH_ACCESS_KEY,
        () -> store.setAccessKeyStatus("nope", AccessKeyStatus.ACTIVE));
    assertFails(
        MetadataError.NO_SUCH_TENANT,
        () -> store.updateTenant(new TenantRecord("ghost", "G", Fixtures.T0, TenantStatus.ACTIVE)));
  }

  // ---- queues ----

  @Test
  void repairQueueReturnsOldestFirstUntilAcked() {
    RepairTask later =
        new RepairTask(BUCKET, "a", "s1", List.of(0), "NODE_DOWN", Fixtures.T0.plusSeconds(9));
    RepairTask earlier = new RepairTask(BUCKET, "z", "s2", List.of(1, 2), "NODE_DOWN", Fixtures.T0);
    store.enqueueRepair(later);
    store.enqueueRepair(earlier);
    assertEquals(List.of(earlier, later), store.peekRepairs(10));
    assertEquals(List.of(earlier), store.peekRepairs(1));
    store.ackRepair(earlier);
    assertEquals(List.of(later), store.peekRepairs(10));
  }

  @Test
  void shardDeletionsBecomeDueAtNotBeforeAndRetriesCountAttempts() {
    ShardDeletion now = ShardDeletion.of("n1", "s1", Fixtures.T0);
    ShardDeletion later =
        new ShardDeletion("n2", "s2", Fixtures.T0, 0, Fixtures.T0.plusSeconds(60));
    store.enqueueShardDeletions(List.of(later, now));
    assertEquals(List.of(now), store.peekShardDeletions(Fixtures.T0, 10));
    ShardDeletion retry = store.retryShardDeletion(now, Fixtures.T0.plusSeconds(120));
    assertEquals(1, retry.attempts());
    assertTrue(store.peekShardDeletions(Fixtures.T0.plusSeconds(59), 10).isEmpty());
    assertEquals(List.of(later), store.peekShardDeletions(Fixtures.T0.plusSeconds(60), 10));
    assertEquals(List.of(later, retry), store.peekShardDeletions(Fixtures.T0.plusSeconds(120), 10));
    store.ackShardDeletion(later);
    store.ackShardDeletion(retry);
    assertTrue(queuedDeletions().isEmpty());
  }

  @Test
  void closedStoreFailsWithStorageFailure() {
    store.close();
    assertFails(MetadataError.STORAGE_FAILURE, () -> store.getBucket(BUCKET));
    assertFails(
        MetadataError.STORAGE_FAILURE, () -> store.listObjects(BUCKET, ListObjectsQuery.all(1)));
    store = newStore(clock);
  }

  // ---- listing ----

  Stream<Arguments> listingCases() {
    return Stream.of(
        Arguments.of("", "", "", 1000),
        Arguments.of("", "", "", 7),
        Arguments.of("", "/", "", 3),
        Arguments.of("dir-3/", "/", "", 3),
        Arguments.of("dir-", "/", "", 4),
        Arguments.of("dir-", "-", "", 5),
        Arguments.of("", "-", "", 11),
        Arguments.of("", "|", "", 100),
        Arguments.of("flat-", "|", "", 250),
        Arguments.of("flat-0", "x", "", 64),
        Arguments.of("", "::", "", 10),
        Arguments.of("m::", "::", "", 3),
        Arguments.of("", "日本", "", 13),
        Arguments.of("é/", "/", "", 2),
        Arguments.of("", "😀", "", 9),
        Arguments.of("😀/", "/", "", 6),
        Arguments.of("sp ace/", "=", "", 17),
        Arguments.of("sp ace/0001+", "", "", 1),
        Arguments.of("ctl\u0001", "/", "", 11),
        Arguments.of("ctl\u0001/", "\u0001", "", 31),
        Arguments.of("long/", "", "", 37),
        Arguments.of("", "z", "", 5),
        Arguments.of("", "/", "dir-5", 50),
        Arguments.of("dir-", "/", "dir-4/sub-2/file-0050", 33),
        Arguments.of("", "", "dir-9/sub-3/file-0099", 500),
        Arguments.of("", "/", "m::n3", 8),
        Arguments.of("", "", "\uFFFF", 10),
        Arguments.of("nothing-here/", "/", "", 10));
  }

  @ParameterizedTest(name = "prefix={0} delimiter={1} start-after={2} page={3}")
  @MethodSource("listingCases")
  void pagesConcatenateToTheNaiveListing(
      String prefix, String delimiter, String startAfter, int pageSize) {
    List<String> expected = ListingFixture.expected(listingKeys, prefix, delimiter, startAfter);
    List<String> seen = new ArrayList<>();
    String marker = startAfter;
    for (int pages = 0; ; pages++) {
      assertTrue(pages <= listingKeys.size(), "listing does not terminate");
      ObjectListing page =
          listingStore.listObjects(
              "listing", new ListObjectsQuery(prefix, delimiter, marker, pageSize));
      List<String> entries = ListingFixture.entries(page);
      assertTrue(entries.size() <= pageSize);
      assertEquals(
          page.objects().stream()
              .map(ObjectSummary::key)
              .sorted(ListingFixture.UTF8_ORDER)
              .toList(),
          page.objects().stream().map(ObjectSummary::key).toList(),
          "objects in key order");
      seen.addAll(entries);
      if (!page.truncated()) {
        assertNull(page.nextMarker());
        break;
      }
      assertEquals(pageSize, entries.size(), "a truncated page is full");
      assertEquals(entries.getLast(), page.nextMarker());
      marker = page.nextMarker();
    }
    assertEquals(expected, seen);
  }

  @Test
  void listingDataSetHoldsTenThousandKeysAndListsThemAll() {
    assertEquals(10_000, listingKeys.size());
    assertEquals(10_000, new HashSet<>(listingKeys).size());
    ObjectListing first = listingStore.listObjects("listing", ListObjectsQuery.all(1000));
    assertEquals(1000, first.objects().size());
    assertEquals(
        ListingFixture.expected(listingKeys, "", "", "").subList(0, 1000),
        ListingFixture.entries(first));
  }

  @Test
  void delimiterListingSkipsACommonPrefixWithoutWalkingItsMembers() {
    CursorSteps steps = listingStore.cursorSteps();
    long before = steps.total();
    ObjectListing page = listingStore.listObjects("wide", new ListObjectsQuery("", "/", "", 1000));
    long used = steps.total() - before;
    assertEquals(List.of("only/"), page.commonPrefixes());
    assertEquals(List.of("a", "z"), page.objects().stream().map(ObjectSummary::key).toList());
    assertFalse(page.truncated());
    assertTrue(used <= 6, "10 000 keys under one prefix cost " + used + " cursor steps");
    long beforeNested = steps.total();
    ObjectListing nested =
        listingStore.listObjects("wide", new ListObjectsQuery("only/", "-", "", 1000));
    assertEquals(List.of("only/k-"), nested.commonPrefixes());
    assertTrue(steps.total() - beforeNested <= 4);
  }

  @Test
  void continuationAfterAPageEndingOnACommonPrefixResumesPastIt() {
    ObjectListing first = listingStore.listObjects("wide", new ListObjectsQuery("", "/", "", 2));
    assertEquals(List.of("only/"), first.commonPrefixes());
    assertEquals("only/", first.nextMarker());
    ObjectListing second =
        listingStore.listObjects("wide", new ListObjectsQuery("", "/", first.nextMarker(), 2));
    assertEquals(List.of("z"), second.objects().stream().map(ObjectSummary::key).toList());
    assertTrue(second.commonPrefixes().isEmpty());
    assertFalse(second.truncated());
  }

  @Test
  void maxKeysZeroReturnsNothingButReportsWhetherEntriesFollow() {
    ObjectListing none = listingStore.listObjects("wide", ListObjectsQuery.all(0));
    assertTrue(none.objects().isEmpty());
    assertTrue(none.truncated());
    assertTrue(store.listObjects(BUCKET, ListObjectsQuery.all(0)).nextMarker() == null);
  }

  @Test
  void listingReturnsSummariesOfTheStoredRecords() {
    ObjectRecord full = Fixtures.fullObject();
    store.commitObject(ObjectCommit.put(full));
    ObjectListing page = store.listObjects(BUCKET, ListObjectsQuery.all(10));
    assertEquals(List.of(full.summary()), page.objects());
  }
}
