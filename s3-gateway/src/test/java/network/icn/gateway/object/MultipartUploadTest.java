package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ChecksumType;
import network.icn.gateway.metadata.ListUploadsQuery;
import network.icn.gateway.metadata.MultipartUploadRecord;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartListing;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Multipart uploads through a 6-agent 4+2 cluster (64 KiB chunks, 1 MiB segments). */
class MultipartUploadTest {
  static final String BUCKET = "multi";
  static final int MIN_PART = 200 * 1024;

  @TempDir static Path dir;
  static LocalCluster cluster;
  static MultipartStore multipart;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket(BUCKET);
    multipart = cluster.multipart(MultipartConfig.defaults().withMinPartSize(MIN_PART));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static String create(String key) {
    return multipart.createMultipartUpload(CreateMultipartUploadRequest.of(BUCKET, key)).uploadId();
  }

  static PartRecord part(String key, String uploadId, int number, byte[] data) {
    return multipart.uploadPart(
        UploadPartRequest.of(BUCKET, key, uploadId, number, data.length),
        new ByteArrayInputStream(data));
  }

  static ObjectRecord complete(String key, String uploadId, PartRecord... parts) {
    return multipart.completeMultipartUpload(
        CompleteMultipartUploadRequest.of(
            BUCKET,
            key,
            uploadId,
            Arrays.stream(parts).map(p -> CompletedPart.of(p.partNumber(), p.etag())).toList()));
  }

  static byte[] concat(byte[]... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] piece : pieces) {
      out.writeBytes(piece);
    }
    return out.toByteArray();
  }

  static void assertFails(ObjectError expected, Executable action) {
    ObjectException e = assertThrows(ObjectException.class, action);
    assertEquals(expected, e.error(), e.getMessage());
  }

  static Set<String> shardIds(List<SegmentRecord> segments) {
    Set<String> ids = new HashSet<>();
    segments.forEach(s -> s.shards().forEach(sh -> ids.add(sh.shardId())));
    return ids;
  }

  static byte[] md5(byte[] data) throws Exception {
    return MessageDigest.getInstance("MD5").digest(data);
  }

  @Test
  void completedUploadReadsBackWholeInRangesAcrossPartBoundariesAndByPartNumber() throws Exception {
    String key = "three-parts";
    String id = create(key);
    byte[] a = TestBodies.random(1, (1 << 20) + 300_000);
    byte[] b = TestBodies.random(2, MIN_PART + 1);
    byte[] c = TestBodies.random(3, 77_777);
    PartRecord pa = part(key, id, 1, a);
    PartRecord pb = part(key, id, 4, b);
    PartRecord pc = part(key, id, 9, c);

    ObjectRecord record = complete(key, id, pa, pb, pc);

    byte[] all = concat(a, b, c);
    MessageDigest etag = MessageDigest.getInstance("MD5");
    etag.update(md5(a));
    etag.update(md5(b));
    etag.update(md5(c));
    assertEquals("\"" + HexFormat.of().formatHex(etag.digest()) + "-3\"", record.etag());
    assertEquals(all.length, record.size());
    assertArrayEquals(all, TestBodies.read(cluster.store(), BUCKET, key, Optional.empty()));
    long[][] ranges = {
      {a.length - 10, a.length + 10},
      {a.length - 1, a.length + b.length},
      {0, all.length - 1},
      {a.length + b.length - 65_536, all.length - 5},
      {(1 << 20) - 3, (1 << 20) + 3}
    };
    for (long[] r : ranges) {
      byte[] got =
          TestBodies.read(
              cluster.store(), BUCKET, key, Optional.of(new ByteRange.FromTo(r[0], r[1])));
      assertArrayEquals(Arrays.copyOfRange(all, (int) r[0], (int) r[1] + 1), got);
    }
    assertEquals(3, PartRanges.count(record));
    byte[][] expected = {a, b, c};
    for (int n = 1; n <= 3; n++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      cluster.store().readPart(record, n, ObjectSink.of(out));
      assertArrayEquals(expected[n - 1], out.toByteArray(), "part " + n);
    }
    assertFails(
        ObjectError.INVALID_PART_NUMBER,
        () -> cluster.store().readPart(record, 4, ObjectSink.of(new ByteArrayOutputStream())));
    assertTrue(cluster.metadata().getMultipartUpload(BUCKET, key, id).isEmpty());
  }

  @Test
  void completionRejectsUnknownPartsWrongEtagsAndPartsOutOfOrder() {
    String key = "invalid";
    String id = create(key);
    PartRecord p1 = part(key, id, 1, TestBodies.random(4, MIN_PART));
    PartRecord p2 = part(key, id, 2, TestBodies.random(5, 5000));

    assertFails(
        ObjectError.INVALID_PART,
        () ->
            multipart.completeMultipartUpload(
                CompleteMultipartUploadRequest.of(
                    BUCKET,
                    key,
                    id,
                    List.of(CompletedPart.of(1, p1.etag()), CompletedPart.of(3, "x")))));
    assertFails(
        ObjectError.INVALID_PART,
        () ->
            multipart.completeMultipartUpload(
                CompleteMultipartUploadRequest.of(
                    BUCKET,
                    key,
                    id,
                    List.of(CompletedPart.of(1, p1.etag()), CompletedPart.of(2, p1.etag())))));
    assertFails(
        ObjectError.INVALID_PART_ORDER,
        () ->
            multipart.completeMultipartUpload(
                CompleteMultipartUploadRequest.of(
                    BUCKET,
                    key,
                    id,
                    List.of(CompletedPart.of(2, p2.etag()), CompletedPart.of(1, p1.etag())))));
    assertFails(
        ObjectError.INVALID_PART_ORDER,
        () ->
            multipart.completeMultipartUpload(
                CompleteMultipartUploadRequest.of(
                    BUCKET,
                    key,
                    id,
                    List.of(CompletedPart.of(1, p1.etag()), CompletedPart.of(1, p1.etag())))));
    assertFails(
        ObjectError.NO_SUCH_UPLOAD, () -> complete(key, "000000000000aaaaaaaaaaaaaaaaaaaa", p1));
    // Unquoted ETags are accepted, and the upload still completes after the failed attempts.
    ObjectRecord done =
        multipart.completeMultipartUpload(
            CompleteMultipartUploadRequest.of(
                BUCKET,
                key,
                id,
                List.of(
                    CompletedPart.of(1, p1.etag().replace("\"", "")),
                    CompletedPart.of(2, p2.etag()))));
    assertEquals(MIN_PART + 5000, done.size());
  }

  @Test
  void aPartBelowTheMinimumIsRejectedUnlessItIsTheLast() {
    String key = "small";
    String id = create(key);
    PartRecord small = part(key, id, 1, TestBodies.random(6, MIN_PART - 1));
    PartRecord last = part(key, id, 2, TestBodies.random(7, 10));

    assertFails(ObjectError.ENTITY_TOO_SMALL, () -> complete(key, id, small, last));
    assertEquals(MIN_PART - 1, complete(key, id, small).size());
  }

  @Test
  void overwrittenPartQueuesTheOldShardsAndCompletionUsesTheNewBytes() throws Exception {
    String key = "overwrite";
    String id = create(key);
    PartRecord old = part(key, id, 1, TestBodies.random(8, 300_000));
    byte[] fresh = TestBodies.random(9, 300_001);
    PartRecord replaced = part(key, id, 1, fresh);
    cluster.deleter().drain(10);

    for (String shard : shardIds(old.segments())) {
      assertFalse(cluster.allShardIds().contains(shard), shard);
    }
    complete(key, id, replaced);
    assertArrayEquals(fresh, TestBodies.read(cluster.store(), BUCKET, key, Optional.empty()));
  }

  @Test
  void partsLeftOutOfTheCompletionAndAbortedUploadsLoseTheirShards() throws Exception {
    String key = "leftovers";
    String id = create(key);
    PartRecord used = part(key, id, 1, TestBodies.random(10, 100_000));
    PartRecord unused = part(key, id, 2, TestBodies.random(11, 100_000));
    complete(key, id, used);

    String abortedKey = "aborted";
    String abortedId = create(abortedKey);
    PartRecord abandoned = part(abortedKey, abortedId, 1, TestBodies.random(12, 100_000));
    multipart.abortMultipartUpload(BUCKET, abortedKey, abortedId);
    cluster.deleter().drain(10);

    List<String> stored = cluster.allShardIds();
    assertTrue(stored.containsAll(shardIds(used.segments())));
    for (String shard : shardIds(unused.segments())) {
      assertFalse(stored.contains(shard), shard);
    }
    for (String shard : shardIds(abandoned.segments())) {
      assertFalse(stored.contains(shard), shard);
    }
    assertFails(
        ObjectError.NO_SUCH_UPLOAD,
        () -> part(abortedKey, abortedId, 2, TestBodies.random(13, 10)));
    assertFails(
        ObjectError.NO_SUCH_UPLOAD,
        () -> multipart.abortMultipartUpload(BUCKET, abortedKey, abortedId));
  }

  @Test
  void uploadsAndPartsAreListedThroughTheMetadataStore() {
    String first = create("listed/a");
    String second = create("listed/a");
    create("listed/b");
    for (int n = 1; n <= 3; n++) {
      part("listed/a", first, n, TestBodies.random(20 + n, 5000 + n));
    }

    PartListing page = multipart.listParts(BUCKET, "listed/a", first, 0, 2);
    assertEquals(List.of(1, 2), page.parts().stream().map(PartRecord::partNumber).toList());
    assertTrue(page.truncated());
    PartListing rest =
        multipart.listParts(BUCKET, "listed/a", first, page.nextPartNumberMarker(), 2);
    assertEquals(List.of(3), rest.parts().stream().map(PartRecord::partNumber).toList());

    List<MultipartUploadRecord> uploads =
        multipart
            .listMultipartUploads(BUCKET, new ListUploadsQuery("listed/", "", "", "", 100))
            .uploads();
    assertEquals(
        List.of("listed/a", "listed/a", "listed/b"),
        uploads.stream().map(MultipartUploadRecord::key).toList());
    // Ids sort by initiation time at millisecond resolution; these two may share a millisecond.
    assertEquals(
        Set.of(first, second), Set.of(uploads.get(0).uploadId(), uploads.get(1).uploadId()));
    assertFails(
        ObjectError.NO_SUCH_UPLOAD, () -> multipart.listParts(BUCKET, "listed/b", first, 0, 10));
  }

  @Test
  void compositeChecksumIsTheChecksumOfPartChecksumsWithTheirCount() throws Exception {
    String key = "composite";
    String id =
        multipart
            .createMultipartUpload(
                CreateMultipartUploadRequest.of(BUCKET, key)
                    .withChecksum(ChecksumAlgorithm.CRC32C, Optional.empty()))
            .uploadId();
    byte[] a = TestBodies.random(30, MIN_PART + 3);
    byte[] b = TestBodies.random(31, 1234);
    PartRecord pa = part(key, id, 1, a);
    PartRecord pb = part(key, id, 2, b);

    ObjectRecord record = complete(key, id, pa, pb);

    byte[] ca = checksum(ChecksumAlgorithm.CRC32C, a);
    byte[] cb = checksum(ChecksumAlgorithm.CRC32C, b);
    assertEquals(Base64.getEncoder().encodeToString(ca), pa.checksums().values().get("CRC32C"));
    String expected =
        Base64.getEncoder().encodeToString(checksum(ChecksumAlgorithm.CRC32C, concat(ca, cb)))
            + "-2";
    assertEquals(ChecksumType.COMPOSITE, record.checksums().type());
    assertEquals(expected, record.checksums().values().get("CRC32C"));
    assertEquals(pa.checksums(), record.layout().parts().get(0).checksums());
  }

  @Test
  void fullObjectCrcOfAMultipartObjectEqualsTheCrcOfAllItsBytes() {
    for (ChecksumAlgorithm algorithm :
        List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC64NVME)) {
      String key = "full-" + algorithm;
      String id =
          multipart
              .createMultipartUpload(
                  CreateMultipartUploadRequest.of(BUCKET, key)
                      .withChecksum(algorithm, Optional.of(ChecksumType.FULL_OBJECT)))
              .uploadId();
      byte[] a = TestBodies.random(40, MIN_PART + 11);
      byte[] b = TestBodies.random(41, MIN_PART);
      byte[] c = TestBodies.random(42, 999);
      String whole = Base64.getEncoder().encodeToString(checksum(algorithm, concat(a, b, c)));
      PartRecord pa = part(key, id, 1, a);
      PartRecord pb = part(key, id, 2, b);
      PartRecord pc = part(key, id, 3, c);

      assertFails(
          ObjectError.BAD_DIGEST,
          () ->
              multipart.completeMultipartUpload(
                  new CompleteMultipartUploadRequest(
                      BUCKET,
                      key,
                      id,
                      List.of(
                          CompletedPart.of(1, pa.etag()),
                          CompletedPart.of(2, pb.etag()),
                          CompletedPart.of(3, pc.etag())),
                      Optional.of("AAAAAA=="),
                      network.icn.gateway.metadata.Precondition.none())));
      ObjectRecord record =
          multipart.completeMultipartUpload(
              new CompleteMultipartUploadRequest(
                  BUCKET,
                  key,
                  id,
                  List.of(
                      CompletedPart.of(1, pa.etag()),
                      new CompletedPart(
                          2, pb.etag(), Optional.of(pb.checksums().values().get(algorithm.name()))),
                      CompletedPart.of(3, pc.etag())),
                  Optional.of(whole),
                  network.icn.gateway.metadata.Precondition.none()));

      assertEquals(ChecksumType.FULL_OBJECT, record.checksums().type(), algorithm.name());
      assertEquals(whole, record.checksums().values().get(algorithm.name()), algorithm.name());
    }
  }

  @Test
  void unsupportedChecksumTypesAreRejectedAtCreation() {
    assertFails(
        ObjectError.INVALID_REQUEST,
        () ->
            CreateMultipartUploadRequest.of(BUCKET, "x")
                .withChecksum(ChecksumAlgorithm.SHA256, Optional.of(ChecksumType.FULL_OBJECT)));
    assertFails(
        ObjectError.INVALID_REQUEST,
        () ->
            CreateMultipartUploadRequest.of(BUCKET, "x")
                .withChecksum(ChecksumAlgorithm.CRC64NVME, Optional.of(ChecksumType.COMPOSITE)));
  }

  @Test
  void aPartWhoseDeclaredChecksumDiffersIsRejectedAndLeavesNoPart() {
    String key = "bad-part";
    String id =
        multipart
            .createMultipartUpload(
                CreateMultipartUploadRequest.of(BUCKET, key)
                    .withChecksum(ChecksumAlgorithm.SHA256, Optional.empty()))
            .uploadId();
    byte[] data = TestBodies.random(50, 70_000);

    assertFails(
        ObjectError.BAD_DIGEST,
        () ->
            multipart.uploadPart(
                UploadPartRequest.of(BUCKET, key, id, 1, data.length)
                    .withExpectedChecksum(Base64.getEncoder().encodeToString(new byte[32])),
                new ByteArrayInputStream(data)));

    assertTrue(cluster.metadata().getPart(id, 1).isEmpty());
    assertEquals(0, cluster.context().inFlight().size());
  }

  static byte[] checksum(ChecksumAlgorithm algorithm, byte[] data) {
    ChecksumAlgorithm.Running running = algorithm.start();
    running.update(ByteBuffer.wrap(data));
    return running.finish();
  }

  static List<byte[]> pieces(byte[]... all) {
    return new ArrayList<>(List.of(all));
  }
}
