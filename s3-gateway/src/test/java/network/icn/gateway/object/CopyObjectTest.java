package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CopyObject and UploadPartCopy: streaming re-encode into new shards. */
class CopyObjectTest {
  static final String BUCKET = "copies";

  @TempDir static Path dir;
  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket(BUCKET);
    cluster.createBucket("other");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static ObjectRecord put(String key, byte[] data, Map<String, String> meta) {
    PutObjectRequest request =
        new PutObjectRequest(
            BUCKET,
            key,
            data.length,
            Optional.empty(),
            Optional.of(ChecksumAlgorithm.CRC32C),
            Optional.empty(),
            ContentHeaders.ofType("text/plain"),
            meta,
            Precondition.none(),
            "STANDARD");
    return cluster.store().put(request, new ByteArrayInputStream(data));
  }

  @Test
  void copyKeepsOrReplacesMetadataAndWritesItsOwnShards() {
    byte[] data = TestBodies.random(1, 1_500_000);
    ObjectRecord src = put("src", data, Map.of("colour", "blue"));

    ObjectRecord kept =
        cluster
            .store()
            .copyObject(CopyObjectRequest.of(CopySource.of(BUCKET, "src"), "other", "k"));
    ObjectRecord replaced =
        cluster
            .store()
            .copyObject(
                CopyObjectRequest.of(CopySource.of(BUCKET, "src"), "other", "r")
                    .replacing(ContentHeaders.ofType("image/png"), Map.of("shape", "round")));

    assertArrayEquals(data, TestBodies.read(cluster.store(), "other", "k", Optional.empty()));
    assertArrayEquals(data, TestBodies.read(cluster.store(), "other", "r", Optional.empty()));
    assertEquals(src.etag(), kept.etag());
    assertEquals(src.checksums(), kept.checksums());
    assertEquals(Map.of("colour", "blue"), kept.userMetadata());
    assertEquals("text/plain", kept.headers().contentType());
    assertEquals(Map.of("shape", "round"), replaced.userMetadata());
    assertEquals("image/png", replaced.headers().contentType());
    assertTrue(
        Collections.disjoint(
            MultipartUploadTest.shardIds(src.layout().segments()),
            MultipartUploadTest.shardIds(kept.layout().segments())));
  }

  @Test
  void copyOntoItselfNeedsAChangeAndSourcePreconditionsAreChecked() {
    byte[] data = TestBodies.random(2, 100_000);
    ObjectRecord src = put("self", data, Map.of());

    MultipartUploadTest.assertFails(
        ObjectError.INVALID_REQUEST,
        () ->
            cluster
                .store()
                .copyObject(CopyObjectRequest.of(CopySource.of(BUCKET, "self"), BUCKET, "self")));
    MultipartUploadTest.assertFails(
        ObjectError.PRECONDITION_FAILED,
        () ->
            cluster
                .store()
                .copyObject(
                    CopyObjectRequest.of(
                        new CopySource(
                            BUCKET, "self", Optional.empty(), Precondition.ifMatch("\"nope\"")),
                        BUCKET,
                        "x")));
    ObjectRecord again =
        cluster
            .store()
            .copyObject(
                CopyObjectRequest.of(
                        new CopySource(
                            BUCKET, "self", Optional.empty(), Precondition.ifMatch(src.etag())),
                        BUCKET,
                        "self")
                    .replacing(ContentHeaders.NONE, Map.of("v", "2")));
    assertEquals(Map.of("v", "2"), again.userMetadata());
    assertArrayEquals(data, TestBodies.read(cluster.store(), BUCKET, "self", Optional.empty()));
    MultipartUploadTest.assertFails(
        ObjectError.NO_SUCH_KEY,
        () ->
            cluster
                .store()
                .copyObject(CopyObjectRequest.of(CopySource.of(BUCKET, "none"), BUCKET, "y")));
  }

  @Test
  void uploadPartCopyBuildsAnObjectFromRangesOfOthers() {
    byte[] first = TestBodies.random(3, 1_200_000);
    byte[] second = TestBodies.random(4, 90_000);
    put("first", first, Map.of());
    put("second", second, Map.of());
    MultipartStore multipart =
        cluster.multipart(MultipartConfig.defaults().withMinPartSize(100_000));
    String id =
        multipart
            .createMultipartUpload(CreateMultipartUploadRequest.of(BUCKET, "assembled"))
            .uploadId();

    PartRecord p1 =
        multipart.uploadPartCopy(
            UploadPartRequest.of(BUCKET, "assembled", id, 1, -1),
            CopySource.of(BUCKET, "first").withRange(new ByteRange.FromTo(100_000, 1_099_999)));
    PartRecord p2 =
        multipart.uploadPartCopy(
            UploadPartRequest.of(BUCKET, "assembled", id, 2, -1), CopySource.of(BUCKET, "second"));
    multipart.completeMultipartUpload(
        CompleteMultipartUploadRequest.of(
            BUCKET,
            "assembled",
            id,
            List.of(CompletedPart.of(1, p1.etag()), CompletedPart.of(2, p2.etag()))));

    byte[] expected =
        MultipartUploadTest.concat(Arrays.copyOfRange(first, 100_000, 1_100_000), second);
    assertArrayEquals(
        expected, TestBodies.read(cluster.store(), BUCKET, "assembled", Optional.empty()));
  }
}
