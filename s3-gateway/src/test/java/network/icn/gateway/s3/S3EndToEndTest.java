package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** aws-sdk-java-v2 with default settings (checksums, chunked uploads) against the gateway. */
class S3EndToEndTest {
  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client pathStyle;
  static S3Client virtualHost;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    pathStyle = gateway.client(true);
    virtualHost = gateway.client(false);
    pathStyle.createBucket(b -> b.bucket("shared"));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static S3Client client(boolean path) {
    return path ? pathStyle : virtualHost;
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bucketLifecycleInBothAddressingStyles(boolean path) {
    S3Client s3 = client(path);
    String bucket = path ? "life-path" : "life-vhost";
    s3.createBucket(b -> b.bucket(bucket));
    s3.headBucket(b -> b.bucket(bucket));
    assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
    assertEquals("", s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString());
    S3Exception again =
        assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket(bucket)));
    assertEquals("BucketAlreadyOwnedByYou", again.awsErrorDetails().errorCode());
    s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
    S3Exception notEmpty =
        assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));
    assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
    assertEquals(409, notEmpty.statusCode());
    s3.deleteObject(b -> b.bucket(bucket).key("k"));
    s3.deleteBucket(b -> b.bucket(bucket));
    assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
  }

  @Test
  void invalidBucketNameIsRejected() {
    S3Exception e =
        assertThrows(
            S3Exception.class, () -> pathStyle.createBucket(b -> b.bucket("xn--reserved-prefix")));
    assertEquals("InvalidBucketName", e.awsErrorDetails().errorCode());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5 * 1024 * 1024})
  void putGetHeadDeleteRoundTrip(int size) {
    for (boolean path : new boolean[] {true, false}) {
      S3Client s3 = client(path);
      byte[] data = random(size, size);
      String key = "obj/" + size + "/" + path;
      PutObjectResponse put =
          s3.putObject(
              b ->
                  b.bucket("shared")
                      .key(key)
                      .contentType("application/x-test")
                      .metadata(Map.of("color", "blue")),
              RequestBody.fromBytes(data));
      assertNotNull(put.eTag());
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("shared").key(key));
      assertArrayEquals(data, got.asByteArray());
      assertEquals(put.eTag(), got.response().eTag());
      assertEquals("application/x-test", got.response().contentType());
      assertEquals(Map.of("color", "blue"), got.response().metadata());
      HeadObjectResponse head = s3.headObject(b -> b.bucket("shared").key(key));
      assertEquals(size, head.contentLength());
      s3.deleteObject(b -> b.bucket("shared").key(key));
      assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("shared").key(key)));
    }
  }

  @Test
  void rangedGets() {
    byte[] data = random(100_000, 7);
    pathStyle.putObject(b -> b.bucket("shared").key("ranged"), RequestBody.fromBytes(data));
    assertRange("bytes=0-9", data, 0, 10);
    assertRange("bytes=99990-", data, 99_990, 10);
    assertRange("bytes=-5", data, 99_995, 5);
    assertRange("bytes=50000-50000", data, 50_000, 1);
    assertRange("bytes=99999-200000", data, 99_999, 1);
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.getObjectAsBytes(
                    b -> b.bucket("shared").key("ranged").range("bytes=100000-")));
    assertEquals(416, e.statusCode());
    assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
  }

  private static void assertRange(String range, byte[] data, int from, int length) {
    ResponseBytes<GetObjectResponse> got =
        virtualHost.getObjectAsBytes(b -> b.bucket("shared").key("ranged").range(range));
    byte[] want = java.util.Arrays.copyOfRange(data, from, from + length);
    assertArrayEquals(want, got.asByteArray(), range);
    assertEquals(
        "bytes " + from + "-" + (from + length - 1) + "/" + data.length,
        got.response().contentRange());
    assertNull(got.response().checksumCRC32(), "no checksum on a ranged GET");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void listV1AndV2WithPrefixDelimiterAndPages(boolean path) {
    S3Client s3 = client(path);
    String bucket = path ? "list-path" : "list-vhost";
    s3.createBucket(b -> b.bucket(bucket));
    List<String> keys = List.of("a/1", "a/2", "a/b/3", "c", "d e+f", "z/9");
    for (String k : keys) {
      s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
    }
    ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
    assertEquals(List.of("c", "d e+f"), v2.contents().stream().map(S3Object::key).toList());
    assertEquals(
        List.of("a/", "z/"), v2.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    ListObjectsV2Response prefixed =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("a/").delimiter("/"));
    assertEquals(List.of("a/1", "a/2"), prefixed.contents().stream().map(S3Object::key).toList());
    assertEquals(
        List.of("a/b/"), prefixed.commonPrefixes().stream().map(CommonPrefix::prefix).toList());

    List<String> paged = new java.util.ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(2))
        .contents()
        .forEach(o -> paged.add(o.key()));
    assertEquals(keys, paged);
    ListObjectsV2Response after =
        s3.listObjectsV2(b -> b.bucket(bucket).startAfter("c").fetchOwner(true));
    assertEquals(List.of("d e+f", "z/9"), after.contents().stream().map(S3Object::key).toList());
    assertEquals("tenant-1", after.contents().getFirst().owner().id());

    List<String> v1 = new java.util.ArrayList<>();
    String marker = "";
    while (true) {
      String m = marker;
      ListObjectsResponse page = s3.listObjects(b -> b.bucket(bucket).maxKeys(2).marker(m));
      page.contents().forEach(o -> v1.add(o.key()));
      if (!page.isTruncated()) {
        break;
      }
      marker = page.contents().getLast().key();
    }
    assertEquals(keys, v1);
    ListObjectsResponse v1Delim = s3.listObjects(b -> b.bucket(bucket).delimiter("/").maxKeys(1));
    assertTrue(v1Delim.isTruncated());
    assertEquals("a/", v1Delim.nextMarker());
    ListObjectsResponse encoded =
        s3.listObjects(b -> b.bucket(bucket).prefix("d").encodingType("url"));
    assertEquals("d e+f", encoded.contents().getFirst().key());
  }

  @Test
  void conditionalGets() {
    PutObjectResponse put =
        pathStyle.putObject(b -> b.bucket("shared").key("cond"), RequestBody.fromString("hello"));
    S3Exception notModified =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.getObjectAsBytes(
                    b -> b.bucket("shared").key("cond").ifNoneMatch(put.eTag())));
    assertEquals(304, notModified.statusCode());
    S3Exception failed =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.getObjectAsBytes(
                    b -> b.bucket("shared").key("cond").ifMatch("\"nope\"")));
    assertEquals(412, failed.statusCode());
    assertEquals("PreconditionFailed", failed.awsErrorDetails().errorCode());
    Instant future = Instant.now().plusSeconds(3600);
    S3Exception notModifiedSince =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.getObjectAsBytes(
                    b -> b.bucket("shared").key("cond").ifModifiedSince(future)));
    assertEquals(304, notModifiedSince.statusCode());
    // If-Match holds, so a failing If-Unmodified-Since is ignored.
    Instant past = Instant.now().minusSeconds(3600);
    assertEquals(
        "hello",
        pathStyle
            .getObjectAsBytes(
                b -> b.bucket("shared").key("cond").ifMatch(put.eTag()).ifUnmodifiedSince(past))
            .asUtf8String());
  }

  @Test
  void conditionalPuts() {
    pathStyle.putObject(
        b -> b.bucket("shared").key("once").ifNoneMatch("*"), RequestBody.fromString("1"));
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putObject(
                    b -> b.bucket("shared").key("once").ifNoneMatch("*"),
                    RequestBody.fromString("2")));
    assertEquals(412, e.statusCode());
    assertEquals(
        "1", pathStyle.getObjectAsBytes(b -> b.bucket("shared").key("once")).asUtf8String());
  }

  @Test
  void checksumModeReturnsTheStoredChecksumOnFullGetsOnly() {
    PutObjectResponse put =
        pathStyle.putObject(
            b -> b.bucket("shared").key("sum"), RequestBody.fromBytes(random(70_000, 3)));
    assertNotNull(put.checksumCRC32(), "the SDK sends a CRC32 by default and S3 echoes it");
    ResponseBytes<GetObjectResponse> got =
        pathStyle.getObjectAsBytes(
            b -> b.bucket("shared").key("sum").checksumMode(ChecksumMode.ENABLED));
    assertEquals(put.checksumCRC32(), got.response().checksumCRC32());
    HeadObjectResponse head =
        pathStyle.headObject(b -> b.bucket("shared").key("sum").checksumMode(ChecksumMode.ENABLED));
    assertEquals(put.checksumCRC32(), head.checksumCRC32());
  }

  @Test
  void wrongContentMd5IsBadDigestAndNothingIsStored() {
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putObject(
                    b -> b.bucket("shared").key("md5").contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="),
                    RequestBody.fromString("not empty")));
    assertEquals("BadDigest", e.awsErrorDetails().errorCode());
    assertThrows(
        NoSuchKeyException.class, () -> pathStyle.headObject(b -> b.bucket("shared").key("md5")));
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    S3Client bad = gateway.client(true, S3TestGateway.KEY_1, "wrong-secret");
    S3Exception e = assertThrows(S3Exception.class, () -> bad.listBuckets());
    assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
    assertEquals(403, e.statusCode());
  }

  @Test
  void unknownKeyIsInvalidAccessKeyId() {
    S3Client bad = gateway.client(false, "AKIAUNKNOWN000000000", "whatever");
    S3Exception e =
        assertThrows(S3Exception.class, () -> bad.listObjectsV2(b -> b.bucket("shared")));
    assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
  }

  @Test
  void anotherTenantsBucketIsAccessDenied() {
    S3Client other = gateway.client(true, S3TestGateway.KEY_2, S3TestGateway.SECRET_2);
    S3Exception e =
        assertThrows(S3Exception.class, () -> other.listObjectsV2(b -> b.bucket("shared")));
    assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
    S3Exception put =
        assertThrows(
            S3Exception.class,
            () -> other.putObject(b -> b.bucket("shared").key("x"), RequestBody.fromString("x")));
    assertEquals("AccessDenied", put.awsErrorDetails().errorCode());
    S3Exception taken =
        assertThrows(S3Exception.class, () -> other.createBucket(b -> b.bucket("shared")));
    assertEquals("BucketAlreadyExists", taken.awsErrorDetails().errorCode());
    assertFalse(other.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("shared")));
  }

  @Test
  void unimplementedOperationsAnswer501() {
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putBucketVersioning(
                    b ->
                        b.bucket("shared")
                            .versioningConfiguration(
                                v -> v.status(BucketVersioningStatus.ENABLED))));
    assertEquals(501, e.statusCode());
    assertEquals("NotImplemented", e.awsErrorDetails().errorCode());
  }

  @Test
  void getBucketVersioningAnswersNeverEnabled() {
    var versioning = pathStyle.getBucketVersioning(b -> b.bucket("shared"));
    assertNull(versioning.status(), "no Status: versioning was never set");
    assertNull(versioning.mfaDelete());
    assertThrows(
        NoSuchBucketException.class,
        () -> pathStyle.getBucketVersioning(b -> b.bucket("no-such-bucket-here")));
  }

  @Test
  void aclsReportOwnerFullControl() {
    var acl = pathStyle.getBucketAcl(b -> b.bucket("shared"));
    assertEquals("tenant-1", acl.owner().id());
    assertEquals("FULL_CONTROL", acl.grants().getFirst().permissionAsString());
  }

  @Test
  void healthAndMetricsAreServedUnsigned() throws Exception {
    pathStyle.listBuckets();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> live =
          http.send(
              HttpRequest.newBuilder(gateway.endpoint().resolve("/health/live")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, live.statusCode());
      assertTrue(live.headers().firstValue("x-amz-request-id").isPresent());
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(gateway.endpoint().resolve("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertTrue(
          metrics
              .body()
              .contains("icn_gateway_requests_total{operation=\"ListBuckets\",status=\"2xx\"}"),
          metrics.body());
      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(gateway.endpoint().resolve("/shared")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, anonymous.statusCode());
      assertTrue(anonymous.body().contains("<Code>AccessDenied</Code>"), anonymous.body());
      assertTrue(anonymous.body().contains("<RequestId>"), anonymous.body());
    }
  }

  @Test
  void oversizedHeaderSectionIs400RequestHeaderSectionTooLarge() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
      String request =
          "GET /shared/k HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: " + "a".repeat(10_000) + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 400"), response);
      assertTrue(response.contains("<Code>RequestHeaderSectionTooLarge</Code>"), response);
      assertTrue(
          response.toLowerCase(java.util.Locale.ROOT).contains("x-amz-request-id:"), response);
      assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("x-amz-id-2:"), response);
    }
  }

  @Test
  void keysLongerThan1024BytesAreKeyTooLongError() {
    String key = "k".repeat(1025);
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putObject(b -> b.bucket("shared").key(key), RequestBody.fromString("x")));
    assertEquals("KeyTooLongError", e.awsErrorDetails().errorCode());
    String longest = "k".repeat(1024);
    pathStyle.putObject(b -> b.bucket("shared").key(longest), RequestBody.fromString("x"));
    assertEquals(
        "x", pathStyle.getObjectAsBytes(b -> b.bucket("shared").key(longest)).asUtf8String());
  }

  @Test
  void userMetadataOver2KbIsMetadataTooLarge() {
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putObject(
                    b -> b.bucket("shared").key("meta").metadata(Map.of("big", "v".repeat(2100))),
                    RequestBody.fromString("x")));
    assertEquals("MetadataTooLarge", e.awsErrorDetails().errorCode());
  }

  @Test
  void putsOver5GibAreEntityTooLargeBeforeTheBodyIsSent() {
    long size = (5L << 30) + 1;
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                pathStyle.putObject(
                    b -> b.bucket("shared").key("huge"),
                    RequestBody.fromContentProvider(
                        () ->
                            new java.io.InputStream() {
                              @Override
                              public int read() {
                                return 0;
                              }
                            },
                        size,
                        "application/octet-stream")));
    assertEquals("EntityTooLarge", e.awsErrorDetails().errorCode());
  }

  @Test
  void contentHeadersAreStoredAwsChunkedIsStrippedAndOverridesApply() {
    pathStyle.putObject(
        b ->
            b.bucket("shared")
                .key("headers")
                .contentType("text/plain")
                .contentEncoding("gzip")
                .contentDisposition("attachment; filename=\"a.txt\"")
                .contentLanguage("de")
                .cacheControl("max-age=60")
                .storageClass("STANDARD"),
        RequestBody.fromString("hallo"));
    HeadObjectResponse head = pathStyle.headObject(b -> b.bucket("shared").key("headers"));
    assertEquals("gzip", head.contentEncoding());
    assertEquals("attachment; filename=\"a.txt\"", head.contentDisposition());
    assertEquals("de", head.contentLanguage());
    assertEquals("max-age=60", head.cacheControl());
    GetObjectResponse overridden =
        pathStyle
            .getObjectAsBytes(
                b ->
                    b.bucket("shared")
                        .key("headers")
                        .responseContentType("application/json")
                        .responseCacheControl("no-store"))
            .response();
    assertEquals("application/json", overridden.contentType());
    assertEquals("no-store", overridden.cacheControl());
  }

  @Test
  void clientDisconnectMidUploadCommitsNothing() {
    byte[] half = random(300_000, 9);
    S3Client noRetry =
        S3Client.builder()
            .endpointOverride(gateway.endpoint())
            .region(software.amazon.awssdk.regions.Region.of(S3TestGateway.REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        S3TestGateway.KEY_1, S3TestGateway.SECRET_1)))
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
            .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
            .build();
    try (noRetry) {
      assertThrows(
          Exception.class,
          () ->
              noRetry.putObject(
                  b -> b.bucket("shared").key("cut"),
                  RequestBody.fromContentProvider(
                      () ->
                          new java.io.SequenceInputStream(
                              new java.io.ByteArrayInputStream(half),
                              new java.io.InputStream() {
                                @Override
                                public int read() throws java.io.IOException {
                                  throw new java.io.IOException("client gives up");
                                }
                              }),
                      1_000_000,
                      "application/octet-stream")));
    }
    assertThrows(
        NoSuchKeyException.class, () -> pathStyle.headObject(b -> b.bucket("shared").key("cut")));
  }
}
