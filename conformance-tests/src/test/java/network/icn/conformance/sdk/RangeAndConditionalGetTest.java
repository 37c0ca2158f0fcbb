package network.icn.conformance.sdk;

import static network.icn.conformance.sdk.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * GetObject with a Range (first, last, open, suffix, past the end; unsatisfiable → 416
 * InvalidRange) and with preconditions (If-Match / If-None-Match / If-(Un)Modified-Since → 304,
 * 412), in all eight client modes.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class RangeAndConditionalGetTest {
  /** Several 256 KiB stripes of the in-process 4+2 / 64 KiB scheme, and not a multiple of one. */
  private static final int SIZE = 700_001;

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;
  private byte[] body;
  private String etag;
  private Instant lastModified;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("ranges");
    body = Bodies.random(42, SIZE);
    etag =
        fx.admin()
            .putObject(b -> b.bucket(bucket).key("object"), RequestBody.fromBytes(body))
            .eTag();
    lastModified = fx.admin().headObject(b -> b.bucket(bucket).key("object")).lastModified();
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void rangesReturnExactlyTheRequestedBytesWith206(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    int last = SIZE - 1;
    assertRange(s3, "bytes=0-0", 0, 0);
    assertRange(s3, "bytes=0-99", 0, 99);
    assertRange(s3, "bytes=262000-263000", 262_000, 263_000); // across a stripe boundary
    assertRange(s3, "bytes=100-" + last, 100, last);
    assertRange(s3, "bytes=699000-", 699_000, last); // open
    assertRange(s3, "bytes=-10", SIZE - 10, last); // suffix
    assertRange(s3, "bytes=-" + (SIZE + 5000), 0, last); // suffix longer than the object
    assertRange(s3, "bytes=690000-99999999", 690_000, last); // end past the object: clamped
    assertRange(s3, "bytes=" + last + "-" + last, last, last);
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void aRangeStartingAtOrPastTheEndIs416InvalidRange(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    for (String range : new String[] {"bytes=" + SIZE + "-", "bytes=800000-900000"}) {
      assertS3Error(
          416,
          "InvalidRange",
          () -> s3.getObject(b -> b.bucket(bucket).key("object").range(range)));
    }
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void ifMatchAndIfNoneMatchAnswer200Or304Or412(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String other = "\"0123456789abcdef0123456789abcdef\"";

    assertWhole(s3.getObject(b -> b.bucket(bucket).key("object").ifMatch(etag)));
    assertWhole(s3.getObject(b -> b.bucket(bucket).key("object").ifMatch("*")));
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.getObject(b -> b.bucket(bucket).key("object").ifMatch(other)));

    assertS3Error(
        304, null, () -> s3.getObject(b -> b.bucket(bucket).key("object").ifNoneMatch(etag)));
    assertS3Error(
        304, null, () -> s3.getObject(b -> b.bucket(bucket).key("object").ifNoneMatch("*")));
    assertWhole(s3.getObject(b -> b.bucket(bucket).key("object").ifNoneMatch(other)));

    // HEAD answers the same statuses (without a body).
    assertEquals(etag, s3.headObject(b -> b.bucket(bucket).key("object").ifMatch(etag)).eTag());
    assertS3Error(
        412, null, () -> s3.headObject(b -> b.bucket(bucket).key("object").ifMatch(other)));
    assertS3Error(
        304, null, () -> s3.headObject(b -> b.bucket(bucket).key("object").ifNoneMatch(etag)));

    // A range applies only when the condition passes.
    ResponseBytes<GetObjectResponse> ranged =
        s3.getObject(b -> b.bucket(bucket).key("object").ifMatch(etag).range("bytes=5-9"));
    assertEquals(206, ranged.response().sdkHttpResponse().statusCode());
    assertEquals(
        Bodies.sha256(Arrays.copyOfRange(body, 5, 10)), Bodies.sha256(ranged.asByteArray()));

    // A missing key is 404 whatever the condition says.
    assertS3Error(
        404,
        "NoSuchKey",
        () -> s3.getObject(b -> b.bucket(bucket).key("no-such-key").ifMatch(etag)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void modifiedSinceConditionsFollowTheLastModifiedTimeAndYieldToEtagConditions(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    Instant before = lastModified.minus(1, ChronoUnit.DAYS);

    assertS3Error(
        304,
        null,
        () -> s3.getObject(b -> b.bucket(bucket).key("object").ifModifiedSince(lastModified)));
    assertWhole(s3.getObject(b -> b.bucket(bucket).key("object").ifModifiedSince(before)));
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.getObject(b -> b.bucket(bucket).key("object").ifUnmodifiedSince(before)));
    assertWhole(s3.getObject(b -> b.bucket(bucket).key("object").ifUnmodifiedSince(lastModified)));

    // S3 (RFC 7232 §6): a true If-Match overrides a false If-Unmodified-Since, and a false
    // If-None-Match (the ETag matches) answers 304 whatever If-Modified-Since says.
    assertWhole(
        s3.getObject(b -> b.bucket(bucket).key("object").ifMatch(etag).ifUnmodifiedSince(before)));
    assertS3Error(
        304,
        null,
        () ->
            s3.getObject(
                b -> b.bucket(bucket).key("object").ifNoneMatch(etag).ifModifiedSince(before)));
  }

  private void assertRange(S3Ops s3, String range, int first, int last) {
    ResponseBytes<GetObjectResponse> got =
        s3.getObject(b -> b.bucket(bucket).key("object").range(range));
    assertEquals(206, got.response().sdkHttpResponse().statusCode(), range);
    assertEquals("bytes " + first + "-" + last + "/" + SIZE, got.response().contentRange(), range);
    assertEquals(last - first + 1L, got.response().contentLength(), range);
    assertEquals(
        Bodies.sha256(Arrays.copyOfRange(body, first, last + 1)),
        Bodies.sha256(got.asByteArray()),
        range);
    assertEquals(etag, got.response().eTag(), range);
  }

  private void assertWhole(ResponseBytes<GetObjectResponse> got) {
    assertEquals(200, got.response().sdkHttpResponse().statusCode());
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));
  }
}
