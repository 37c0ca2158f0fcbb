package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/** CopyObject and UploadPartCopy through the gateway with aws-sdk-java-v2 default settings. */
class CopyEndToEndTest {
  static final String BUCKET = "copies";
  static final String OTHER = "copies-dest";

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(OTHER));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static String code(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(S3Exception.class, call).awsErrorDetails().errorCode();
  }

  private static String put(String key, byte[] data) {
    return s3.putObject(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .contentType("text/x-source")
                    .metadata(Map.of("origin", "source")),
            RequestBody.fromBytes(data))
        .eTag();
  }

  @Test
  void copyKeepsOrReplacesMetadataAcrossBuckets() {
    byte[] data = MultipartEndToEndTest.random(300_000, 11);
    String key = "dir/with space+plus?and ü";
    String etag = put(key, data);
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey(key)
                    .destinationBucket(OTHER)
                    .destinationKey("kept"));
    assertEquals(etag, copied.copyObjectResult().eTag());
    assertNotNull(copied.copyObjectResult().lastModified());
    ResponseBytes<GetObjectResponse> kept = s3.getObjectAsBytes(b -> b.bucket(OTHER).key("kept"));
    assertArrayEquals(data, kept.asByteArray());
    assertEquals("text/x-source", kept.response().contentType());
    assertEquals(Map.of("origin", "source"), kept.response().metadata());

    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey(key)
                .destinationBucket(OTHER)
                .destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/x-new")
                .metadata(Map.of("origin", "copy")));
    ResponseBytes<GetObjectResponse> replaced =
        s3.getObjectAsBytes(b -> b.bucket(OTHER).key("replaced"));
    assertArrayEquals(data, replaced.asByteArray());
    assertEquals("text/x-new", replaced.response().contentType());
    assertEquals(Map.of("origin", "copy"), replaced.response().metadata());
  }

  @Test
  void copyToItselfNeedsReplace() {
    put("self", "same".getBytes());
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("self")
                            .destinationBucket(BUCKET)
                            .destinationKey("self")));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidRequest", e.awsErrorDetails().errorCode());
    assertEquals(
        "This copy request is illegal because it is trying to copy an object to itself without"
            + " changing the object's metadata, storage class, website redirect location or"
            + " encryption attributes.",
        e.awsErrorDetails().errorMessage());
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("self")
                .destinationBucket(BUCKET)
                .destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("v", "2")));
    assertEquals(Map.of("v", "2"), s3.headObject(b -> b.bucket(BUCKET).key("self")).metadata());
  }

  @Test
  void copySourceConditionsFollowS3Precedence() {
    String etag = put("cond", "conditional".getBytes());
    Instant past = Instant.now().minusSeconds(3600);
    Instant future = Instant.now().plusSeconds(3600);
    CopyObjectRequest base =
        CopyObjectRequest.builder()
            .sourceBucket(BUCKET)
            .sourceKey("cond")
            .destinationBucket(BUCKET)
            .destinationKey("cond-copy")
            .build();
    assertEquals(
        "PreconditionFailed",
        code(() -> s3.copyObject(base.toBuilder().copySourceIfMatch("\"nope\"").build())));
    assertEquals(
        "PreconditionFailed",
        code(() -> s3.copyObject(base.toBuilder().copySourceIfNoneMatch(etag).build())));
    assertEquals(
        "PreconditionFailed",
        code(() -> s3.copyObject(base.toBuilder().copySourceIfModifiedSince(future).build())));
    assertEquals(
        "PreconditionFailed",
        code(() -> s3.copyObject(base.toBuilder().copySourceIfUnmodifiedSince(past).build())));
    // if-match true wins over if-unmodified-since false; if-none-match true over
    // if-modified-since false.
    s3.copyObject(
        base.toBuilder().copySourceIfMatch(etag).copySourceIfUnmodifiedSince(past).build());
    s3.copyObject(
        base.toBuilder()
            .copySourceIfNoneMatch("\"other\"")
            .copySourceIfModifiedSince(future)
            .build());
    s3.copyObject(base.toBuilder().copySourceIfModifiedSince(past).build());
    assertEquals(
        "conditional", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cond-copy")).asUtf8String());
  }

  @Test
  void missingSourcesAndVersionsAreErrors() {
    put("present", "x".getBytes());
    assertEquals(
        "NoSuchKey",
        code(
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("absent")
                            .destinationBucket(BUCKET)
                            .destinationKey("d"))));
    assertEquals(
        "NoSuchBucket",
        code(
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket("no-such-bucket-here")
                            .sourceKey("present")
                            .destinationBucket(BUCKET)
                            .destinationKey("d"))));
    S3Exception version =
        assertThrows(
            S3Exception.class,
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("present")
                            .sourceVersionId("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")
                            .destinationBucket(BUCKET)
                            .destinationKey("d")));
    assertEquals(404, version.statusCode());
    assertEquals("NoSuchVersion", version.awsErrorDetails().errorCode());
  }

  @Test
  void anotherTenantCannotCopyFromOrInto() {
    put("private", "secret".getBytes());
    S3Client other = gateway.client(true, S3TestGateway.KEY_2, S3TestGateway.SECRET_2);
    other.createBucket(b -> b.bucket("tenant-two-bucket"));
    assertEquals(
        "AccessDenied",
        code(
            () ->
                other.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("private")
                            .destinationBucket("tenant-two-bucket")
                            .destinationKey("stolen"))));
    assertEquals(
        "AccessDenied",
        code(
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("private")
                            .destinationBucket("tenant-two-bucket")
                            .destinationKey("pushed"))));
  }

  @Test
  void uploadPartCopyWithRangesRebuildsTheSource() throws Exception {
    int size = MultipartEndToEndTest.MIN_PART + 100_000;
    byte[] data = MultipartEndToEndTest.random(size, 12);
    put("big", data);
    String key = "assembled";
    String id = s3.createMultipartUpload(b -> b.bucket(OTHER).key(key)).uploadId();
    int split = MultipartEndToEndTest.MIN_PART;
    UploadPartCopyResponse first =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("big")
                    .destinationBucket(OTHER)
                    .destinationKey(key)
                    .uploadId(id)
                    .partNumber(1)
                    .copySourceRange("bytes=0-" + (split - 1)));
    UploadPartCopyResponse second =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("big")
                    .destinationBucket(OTHER)
                    .destinationKey(key)
                    .uploadId(id)
                    .partNumber(2)
                    .copySourceRange("bytes=" + split + "-" + (size - 1)));
    assertEquals(
        "InvalidArgument",
        code(
            () ->
                s3.uploadPartCopy(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("big")
                            .destinationBucket(OTHER)
                            .destinationKey(key)
                            .uploadId(id)
                            .partNumber(3)
                            .copySourceRange("bytes=0-" + size))));
    assertEquals(
        "PreconditionFailed",
        code(
            () ->
                s3.uploadPartCopy(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("big")
                            .destinationBucket(OTHER)
                            .destinationKey(key)
                            .uploadId(id)
                            .partNumber(3)
                            .copySourceIfMatch("\"nope\""))));
    byte[] head = Arrays.copyOfRange(data, 0, split);
    byte[] tail = Arrays.copyOfRange(data, split, size);
    assertNotNull(first.copyPartResult().lastModified());
    var done =
        s3.completeMultipartUpload(
            b ->
                b.bucket(OTHER)
                    .key(key)
                    .uploadId(id)
                    .multipartUpload(
                        m ->
                            m.parts(
                                List.of(
                                    CompletedPart.builder()
                                        .partNumber(1)
                                        .eTag(first.copyPartResult().eTag())
                                        .build(),
                                    CompletedPart.builder()
                                        .partNumber(2)
                                        .eTag(second.copyPartResult().eTag())
                                        .build()))));
    assertEquals(MultipartEndToEndTest.multipartEtag(head, tail), done.eTag());
    assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket(OTHER).key(key)).asByteArray());
  }
}
