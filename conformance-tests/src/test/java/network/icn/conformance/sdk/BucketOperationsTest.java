package network.icn.conformance.sdk;

import static network.icn.conformance.sdk.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import network.icn.conformance.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Bucket operations: CreateBucket, HeadBucket, ListBuckets, GetBucketLocation, DeleteBucket, and
 * their errors (409 BucketNotEmpty, 404 NoSuchBucket, 400 IllegalLocationConstraintException), in
 * all eight client modes.
 *
 * <p>Not here: re-creating a bucket you own. S3 answers 200 in us-east-1 (legacy) and 409
 * BucketAlreadyOwnedByYou elsewhere; the gateway answers 409 in every region by a recorded decision
 * (s3-gateway README), so an assertion of S3's behaviour would fail in-process. Invalid bucket
 * names neither: the SDK refuses them before sending.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BucketOperationsTest {
  @TempDir static Path dir;
  private SdkFixture fx;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void createHeadListLocateAndDeleteAnEmptyBucket(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String bucket = S3Target.bucketName("bucket-ops");
    fx.deleteAtClose(bucket);

    s3.createBucket(b -> b.bucket(bucket));

    assertEquals(200, s3.headBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());
    Bucket listed =
        s3.listBuckets().buckets().stream()
            .filter(b -> b.name().equals(bucket))
            .findFirst()
            .orElseThrow(() -> new AssertionError(bucket + " not in ListBuckets"));
    assertNotNull(listed.creationDate());
    // S3 answers an empty LocationConstraint for us-east-1, the region's name elsewhere.
    String region = fx.target().region();
    String location =
        Objects.requireNonNullElse(
            s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString(), "");
    assertEquals(region.equals("us-east-1") ? "" : region, location);

    s3.deleteBucket(b -> b.bucket(bucket));

    assertS3Error(404, null, () -> s3.headBucket(b -> b.bucket(bucket)));
    assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void deletingANonEmptyBucketIs409BucketNotEmpty(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String bucket = fx.bucket("not-empty");
    s3.putObject(b -> b.bucket(bucket).key("k"), "x".getBytes(StandardCharsets.UTF_8));

    assertS3Error(409, "BucketNotEmpty", () -> s3.deleteBucket(b -> b.bucket(bucket)));

    assertEquals(200, s3.headBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());
    s3.deleteObject(b -> b.bucket(bucket).key("k"));
    s3.deleteBucket(b -> b.bucket(bucket));
    assertS3Error(404, null, () -> s3.headBucket(b -> b.bucket(bucket)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void aMissingBucketIs404NoSuchBucketForEveryOperation(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String bucket = S3Target.bucketName("missing");

    // HEAD has no body: the SDK knows the bucket is missing from the status alone.
    NoSuchBucketException head =
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
    assertEquals(404, head.statusCode());
    assertS3Error(404, "NoSuchBucket", () -> s3.deleteBucket(b -> b.bucket(bucket)));
    assertS3Error(404, "NoSuchBucket", () -> s3.getBucketLocation(b -> b.bucket(bucket)));
    assertS3Error(404, "NoSuchBucket", () -> s3.listObjectsV2(b -> b.bucket(bucket)));
    assertS3Error(404, "NoSuchBucket", () -> s3.listObjects(b -> b.bucket(bucket)));
    assertS3Error(
        404,
        "NoSuchBucket",
        () -> s3.putObject(b -> b.bucket(bucket).key("k"), new byte[] {1, 2, 3}));
    assertS3Error(404, "NoSuchBucket", () -> s3.getObject(b -> b.bucket(bucket).key("k")));
    assertS3Error(
        404, "NoSuchBucket", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void aForeignLocationConstraintIs400IllegalLocationConstraintException(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String other = fx.target().region().equals("eu-west-1") ? "us-west-2" : "eu-west-1";
    String bucket = S3Target.bucketName("constraint");
    fx.deleteAtClose(bucket);
    assertS3Error(
        400,
        "IllegalLocationConstraintException",
        () ->
            s3.createBucket(
                b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(other))));
    assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
  }
}
