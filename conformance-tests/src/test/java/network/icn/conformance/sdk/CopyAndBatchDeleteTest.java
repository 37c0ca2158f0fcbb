package network.icn.conformance.sdk;

import static network.icn.conformance.sdk.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** CopyObject (COPY and REPLACE directives, across buckets, preconditions) and DeleteObjects. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class CopyAndBatchDeleteTest {
  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;
  private String other;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("copy");
    other = fx.bucket("copy-target");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void copyKeepsBodyAndMetadataOrReplacesTheMetadata(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String source = "source/" + mode.id();
    byte[] body = Bodies.random(mode.id().hashCode(), 400_000);
    String etag =
        s3.putObject(
                b ->
                    b.bucket(bucket)
                        .key(source)
                        .contentType("application/x-source")
                        .metadata(Map.of("origin", "source")),
                body)
            .eTag();

    // Directive COPY (the default): body, content type and metadata come from the source.
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(bucket)
                    .sourceKey(source)
                    .destinationBucket(other)
                    .destinationKey("copy/" + mode.id()));
    assertEquals(etag, copied.copyObjectResult().eTag());
    assertNotNull(copied.copyObjectResult().lastModified());
    ResponseBytes<GetObjectResponse> got =
        s3.getObject(b -> b.bucket(other).key("copy/" + mode.id()));
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));
    assertEquals("application/x-source", got.response().contentType());
    assertEquals(Map.of("origin", "source"), got.response().metadata());

    // Directive REPLACE: same body, the request's content type and metadata.
    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey(source)
                .destinationBucket(bucket)
                .destinationKey(source + ".replaced")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/x-replaced")
                .metadata(Map.of("origin", "replaced")));
    got = s3.getObject(b -> b.bucket(bucket).key(source + ".replaced"));
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));
    assertEquals("text/x-replaced", got.response().contentType());
    assertEquals(Map.of("origin", "replaced"), got.response().metadata());

    // Copying an object onto itself with new metadata is how S3 edits metadata.
    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey(source)
                .destinationBucket(bucket)
                .destinationKey(source)
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("origin", "edited")));
    got = s3.getObject(b -> b.bucket(bucket).key(source));
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));
    assertEquals(Map.of("origin", "edited"), got.response().metadata());
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void copyErrorsMatchS3(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String source = "err-source/" + mode.id();
    s3.putObject(b -> b.bucket(bucket).key(source), Bodies.random(9, 100));

    assertS3Error(
        404,
        "NoSuchKey",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(bucket)
                        .sourceKey("no-such-source")
                        .destinationBucket(bucket)
                        .destinationKey("dest")));
    assertS3Error(
        404,
        "NoSuchBucket",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(bucket + "-missing")
                        .sourceKey(source)
                        .destinationBucket(bucket)
                        .destinationKey("dest")));
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(bucket)
                        .sourceKey(source)
                        .copySourceIfMatch("\"00000000000000000000000000000000\"")
                        .destinationBucket(bucket)
                        .destinationKey("dest")));
    // A self-copy that changes nothing is refused.
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(bucket)
                        .sourceKey(source)
                        .destinationBucket(bucket)
                        .destinationKey(source)));
    // None of the failed copies wrote anything.
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("dest")));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void deleteObjectsDeletesABatchAndReportsEveryKey(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String prefix = "batch-" + mode.id() + "/";
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String key = prefix + (i % 3 == 0 ? "dir/" : "") + "k" + i;
      keys.add(key);
      s3.putObject(b -> b.bucket(bucket).key(key), Bodies.random(i, i * 300));
    }
    List<String> first = keys.subList(0, 6);
    List<String> rest = keys.subList(6, keys.size());

    // Verbose: every key is reported deleted, a key that never existed included.
    List<String> verbose = new ArrayList<>(first);
    verbose.add(prefix + "never-existed");
    DeleteObjectsResponse r =
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(verbose))));
    assertEquals(
        Set.copyOf(verbose),
        r.deleted().stream().map(DeletedObject::key).collect(Collectors.toSet()));
    assertTrue(r.errors().isEmpty(), () -> "errors: " + r.errors());
    assertEquals(Set.copyOf(rest), listed(s3, prefix));

    // Quiet: only errors are reported.
    DeleteObjectsResponse quiet =
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(rest)).quiet(true)));
    assertTrue(quiet.deleted().isEmpty(), () -> "quiet mode reported " + quiet.deleted());
    assertTrue(quiet.errors().isEmpty(), () -> "errors: " + quiet.errors());
    assertEquals(Set.of(), listed(s3, prefix));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void deleteObjectsOnAMissingBucketIs404(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    assertS3Error(
        404,
        "NoSuchBucket",
        () ->
            s3.deleteObjects(
                b -> b.bucket(bucket + "-missing").delete(d -> d.objects(ids(List.of("k"))))));
  }

  private static List<ObjectIdentifier> ids(List<String> keys) {
    return keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
  }

  private Set<String> listed(S3Ops s3, String prefix) {
    return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .collect(Collectors.toSet());
  }
}
