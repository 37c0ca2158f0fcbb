package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads through the gateway with aws-sdk-java-v2 2.56 default settings (CRC32 request
 * checksums, aws-chunked trailer uploads), the S3 minimum part size of 5 MiB.
 */
class MultipartEndToEndTest {
  static final int MIB = 1 << 20;
  static final int MIN_PART = 5 * MIB;
  static final String BUCKET = "mpu";

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /** S3's multipart ETag: hex MD5 of the concatenated binary part MD5s, then {@code -N}. */
  static String multipartEtag(byte[]... parts) throws Exception {
    MessageDigest all = MessageDigest.getInstance("MD5");
    for (byte[] p : parts) {
      all.update(MessageDigest.getInstance("MD5").digest(p));
    }
    return "\"" + HexFormat.of().formatHex(all.digest()) + "-" + parts.length + "\"";
  }

  static byte[] crc32(byte[] data) {
    CRC32 c = new CRC32();
    c.update(data);
    return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Uploads {@code parts} as parts 1..n of a new upload of {@code key} and completes it. */
  static CompleteMultipartUploadResponse upload(String key, byte[]... parts) {
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    List<CompletedPart> done = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      UploadPartResponse r =
          s3.uploadPart(
              b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(n),
              RequestBody.fromBytes(parts[i]));
      done.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).build());
    }
    return s3.completeMultipartUpload(
        b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
  }

  static S3Exception s3Error(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(S3Exception.class, call);
  }

  @Test
  void onePartUploadCompletesWithMultipartEtag() throws Exception {
    byte[] data = random(100_000, 1);
    CompleteMultipartUploadResponse done = upload("one", data);
    assertEquals(multipartEtag(data), done.eTag());
    assertEquals(BUCKET, done.bucket());
    assertEquals("one", done.key());
    assertEquals("http://127.0.0.1:" + gateway.port() + "/mpu/one", done.location());
    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("one"));
    assertArrayEquals(data, got.asByteArray());
    assertEquals(done.eTag(), got.response().eTag());
  }

  @Test
  void twoPartsServeWholeAndByPartNumber() throws Exception {
    byte[] p1 = random(MIN_PART, 2);
    byte[] p2 = random(1000, 3);
    CompleteMultipartUploadResponse done = upload("two", p1, p2);
    assertEquals(multipartEtag(p1, p2), done.eTag());
    assertArrayEquals(
        concat(p1, p2), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("two")).asByteArray());

    ResponseBytes<GetObjectResponse> second =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("two").partNumber(2));
    assertArrayEquals(p2, second.asByteArray());
    assertEquals(2, second.response().partsCount());
    assertEquals(
        "bytes " + MIN_PART + "-" + (MIN_PART + 999) + "/" + (MIN_PART + 1000),
        second.response().contentRange());
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("two").partNumber(1));
    assertEquals(MIN_PART, head.contentLength());
    assertEquals(2, head.partsCount());
    S3Exception e =
        s3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("two").partNumber(3)));
    assertEquals(416, e.statusCode());
    assertEquals("InvalidPartNumber", e.awsErrorDetails().errorCode());
  }

  @Test
  void partNumberOfASinglePartObjectIsTheWholeObject() {
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString("hello"));
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("plain").partNumber(1));
    assertEquals("hello", got.asUtf8String());
    assertNull(got.response().partsCount());
    assertEquals(
        "InvalidPartNumber",
        s3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("plain").partNumber(2)))
            .awsErrorDetails()
            .errorCode());
  }

  @Test
  void threePartsWithASmallLastPartAndCompositeCrc32() throws Exception {
    byte[] p1 = random(MIN_PART, 4);
    byte[] p2 = random(MIN_PART, 5);
    byte[] p3 = random(12_345, 6);
    String key = "three";
    String id =
        s3.createMultipartUpload(
                b -> b.bucket(BUCKET).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32))
            .uploadId();
    List<CompletedPart> done = new ArrayList<>();
    byte[][] parts = {p1, p2, p3};
    for (int i = 0; i < 3; i++) {
      int n = i + 1;
      UploadPartResponse r =
          s3.uploadPart(
              b ->
                  b.bucket(BUCKET)
                      .key(key)
                      .uploadId(id)
                      .partNumber(n)
                      .checksumAlgorithm(ChecksumAlgorithm.CRC32),
              RequestBody.fromBytes(parts[i]));
      assertEquals(Base64.getEncoder().encodeToString(crc32(parts[i])), r.checksumCRC32());
      done.add(
          CompletedPart.builder()
              .partNumber(n)
              .eTag(r.eTag())
              .checksumCRC32(r.checksumCRC32())
              .build());
    }
    CompleteMultipartUploadResponse complete =
        s3.completeMultipartUpload(
            b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
    String composite =
        Base64.getEncoder().encodeToString(crc32(concat(crc32(p1), crc32(p2), crc32(p3)))) + "-3";
    assertEquals(multipartEtag(p1, p2, p3), complete.eTag());
    assertEquals(composite, complete.checksumCRC32());
    assertEquals(ChecksumType.COMPOSITE, complete.checksumType());

    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertArrayEquals(concat(p1, p2, p3), got.asByteArray());
    assertEquals(composite, got.response().checksumCRC32());
    assertEquals(ChecksumType.COMPOSITE, got.response().checksumType());
    // A part of a composite object carries its own checksum, which the SDK validates.
    ResponseBytes<GetObjectResponse> part3 =
        s3.getObjectAsBytes(
            b -> b.bucket(BUCKET).key(key).partNumber(3).checksumMode(ChecksumMode.ENABLED));
    assertArrayEquals(p3, part3.asByteArray());
    assertEquals(Base64.getEncoder().encodeToString(crc32(p3)), part3.response().checksumCRC32());
  }

  @Test
  void fullObjectCrc32cIsValidatedByTheSdkOnGet() throws Exception {
    byte[] p1 = random(MIN_PART, 7);
    byte[] p2 = random(777, 8);
    String key = "full";
    String id =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                        .checksumType(ChecksumType.FULL_OBJECT))
            .uploadId();
    List<CompletedPart> done = new ArrayList<>();
    byte[][] parts = {p1, p2};
    for (int i = 0; i < 2; i++) {
      int n = i + 1;
      UploadPartResponse r =
          s3.uploadPart(
              b ->
                  b.bucket(BUCKET)
                      .key(key)
                      .uploadId(id)
                      .partNumber(n)
                      .checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
              RequestBody.fromBytes(parts[i]));
      done.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).build());
    }
    CompleteMultipartUploadResponse complete =
        s3.completeMultipartUpload(
            b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
    java.util.zip.CRC32C whole = new java.util.zip.CRC32C();
    whole.update(concat(p1, p2));
    String expected =
        Base64.getEncoder()
            .encodeToString(ByteBuffer.allocate(4).putInt((int) whole.getValue()).array());
    assertEquals(expected, complete.checksumCRC32C());
    assertEquals(ChecksumType.FULL_OBJECT, complete.checksumType());
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertEquals(expected, got.response().checksumCRC32C());
    assertArrayEquals(concat(p1, p2), got.asByteArray());
  }

  @Test
  void listPartsPagesAndAbortRemovesTheUpload() {
    String key = "listed";
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    for (int n = 1; n <= 3; n++) {
      int part = n;
      s3.uploadPart(
          b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(part),
          RequestBody.fromString("part " + n));
    }
    ListPartsResponse first = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(id).maxParts(2));
    assertTrue(first.isTruncated());
    assertEquals(List.of(1, 2), first.parts().stream().map(p -> p.partNumber()).toList());
    assertEquals(2, first.nextPartNumberMarker());
    assertEquals(6L, first.parts().getFirst().size());
    assertEquals("tenant-1", first.initiator().id());
    ListPartsResponse rest =
        s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(id).partNumberMarker(2));
    assertFalse(rest.isTruncated());
    assertEquals(List.of(3), rest.parts().stream().map(p -> p.partNumber()).toList());
    List<Integer> all = new ArrayList<>();
    s3.listPartsPaginator(b -> b.bucket(BUCKET).key(key).uploadId(id).maxParts(1))
        .parts()
        .forEach(p -> all.add(p.partNumber()));
    assertEquals(List.of(1, 2, 3), all);

    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(id));
    assertThrows(
        NoSuchUploadException.class,
        () -> s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(id)));
    S3Exception again =
        s3Error(() -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(id)));
    assertEquals(404, again.statusCode());
    assertEquals("NoSuchUpload", again.awsErrorDetails().errorCode());
  }

  @Test
  void listMultipartUploadsWithPrefixDelimiterAndPages() {
    String bucket = "uploads";
    s3.createBucket(b -> b.bucket(bucket));
    List<String> keys = List.of("u/a", "u/b", "u/b", "u/c/x", "u/c/y", "v");
    Map<String, List<String>> ids = new java.util.TreeMap<>();
    for (String k : keys) {
      String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(k)).uploadId();
      ids.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
    }
    ListMultipartUploadsResponse rolled =
        s3.listMultipartUploads(b -> b.bucket(bucket).prefix("u/").delimiter("/"));
    assertEquals(
        List.of("u/a", "u/b", "u/b"), rolled.uploads().stream().map(MultipartUpload::key).toList());
    assertEquals(List.of("u/c/"), rolled.commonPrefixes().stream().map(p -> p.prefix()).toList());

    ListMultipartUploadsResponse page1 =
        s3.listMultipartUploads(b -> b.bucket(bucket).maxUploads(2));
    assertTrue(page1.isTruncated());
    assertEquals(List.of("u/a", "u/b"), page1.uploads().stream().map(u -> u.key()).toList());
    assertEquals("u/b", page1.nextKeyMarker());
    assertEquals(ids.get("u/b").getFirst(), page1.nextUploadIdMarker());
    ListMultipartUploadsResponse page2 =
        s3.listMultipartUploads(
            b ->
                b.bucket(bucket)
                    .maxUploads(2)
                    .keyMarker(page1.nextKeyMarker())
                    .uploadIdMarker(page1.nextUploadIdMarker()));
    assertEquals(List.of("u/b", "u/c/x"), page2.uploads().stream().map(u -> u.key()).toList());
    assertEquals(ids.get("u/b").get(1), page2.uploads().getFirst().uploadId());

    List<String> all = new ArrayList<>();
    s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).maxUploads(1))
        .uploads()
        .forEach(u -> all.add(u.key()));
    assertEquals(keys, all);
    ids.forEach(
        (k, list) ->
            list.forEach(id -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(k).uploadId(id))));
    assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
  }

  @Test
  void completeRejectsBadPartLists() {
    String key = "errors";
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    String e1 =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                RequestBody.fromString("small one"))
            .eTag();
    String e2 =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(2),
                RequestBody.fromString("small two"))
            .eTag();
    assertEquals("InvalidPart", complete(key, id, part(1, e1), part(3, e2)));
    assertEquals("InvalidPart", complete(key, id, part(1, e2), part(2, e2)));
    assertEquals("InvalidPartOrder", complete(key, id, part(2, e2), part(1, e1)));
    assertEquals("EntityTooSmall", complete(key, id, part(1, e1), part(2, e2)));
    assertEquals("NoSuchUpload", complete(key, "no-such-upload", part(1, e1)));
    // The failures changed nothing: the upload still completes with its last part alone.
    s3.completeMultipartUpload(
        b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(part(2, e2))));
    assertEquals("small two", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String());
  }

  @Test
  void conditionalCompleteWithIfNoneMatchStar() {
    s3.putObject(b -> b.bucket(BUCKET).key("exists"), RequestBody.fromString("old"));
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("exists")).uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("exists").uploadId(id).partNumber(1),
                RequestBody.fromString("new"))
            .eTag();
    S3Exception e =
        s3Error(
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(BUCKET)
                            .key("exists")
                            .uploadId(id)
                            .ifNoneMatch("*")
                            .multipartUpload(m -> m.parts(part(1, etag)))));
    assertEquals(412, e.statusCode());
    String current = s3.headObject(b -> b.bucket(BUCKET).key("exists")).eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("exists")
                .uploadId(id)
                .ifMatch(current)
                .multipartUpload(m -> m.parts(part(1, etag))));
    assertEquals("new", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("exists")).asUtf8String());
  }

  @Test
  void partNumberAbove10000IsInvalidArgument() {
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("limit")).uploadId();
    S3Exception e =
        s3Error(
            () ->
                s3.uploadPart(
                    b -> b.bucket(BUCKET).key("limit").uploadId(id).partNumber(10_001),
                    RequestBody.fromString("x")));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidArgument", e.awsErrorDetails().errorCode());
    s3.uploadPart(
        b -> b.bucket(BUCKET).key("limit").uploadId(id).partNumber(10_000),
        RequestBody.fromString("last"));
    assertEquals(
        10_000,
        s3.listParts(b -> b.bucket(BUCKET).key("limit").uploadId(id))
            .parts()
            .getFirst()
            .partNumber());
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("limit").uploadId(id));
  }

  @Test
  void anotherTenantCannotTouchTheUpload() {
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mine")).uploadId();
    S3Client other = gateway.client(true, S3TestGateway.KEY_2, S3TestGateway.SECRET_2);
    S3Exception e =
        s3Error(
            () ->
                other.uploadPart(
                    b -> b.bucket(BUCKET).key("mine").uploadId(id).partNumber(1),
                    RequestBody.fromString("x")));
    assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
    assertEquals(
        "AccessDenied",
        s3Error(() -> other.listMultipartUploads(b -> b.bucket(BUCKET)))
            .awsErrorDetails()
            .errorCode());
    assertEquals(
        "AccessDenied",
        s3Error(() -> other.abortMultipartUpload(b -> b.bucket(BUCKET).key("mine").uploadId(id)))
            .awsErrorDetails()
            .errorCode());
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mine").uploadId(id));
  }

  /** The default async client (Netty, no CRT) with its default checksums and chunked bodies. */
  @Test
  void asyncClientUploadsTwoParts() throws Exception {
    try (S3AsyncClient async =
        S3AsyncClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
            .region(Region.of(S3TestGateway.REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3TestGateway.KEY_1, S3TestGateway.SECRET_1)))
            .build()) {
      byte[] p1 = random(MIN_PART, 9);
      byte[] p2 = random(4321, 10);
      String key = "async";
      String id = async.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).get().uploadId();
      String e1 =
          async
              .uploadPart(
                  b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                  AsyncRequestBody.fromBytes(p1))
              .get()
              .eTag();
      String e2 =
          async
              .uploadPart(
                  b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(2),
                  AsyncRequestBody.fromBytes(p2))
              .get()
              .eTag();
      CompleteMultipartUploadResponse done =
          async
              .completeMultipartUpload(
                  b ->
                      b.bucket(BUCKET)
                          .key(key)
                          .uploadId(id)
                          .multipartUpload(m -> m.parts(part(1, e1), part(2, e2))))
              .get();
      assertEquals(multipartEtag(p1, p2), done.eTag());
      byte[] got =
          async
              .getObject(b -> b.bucket(BUCKET).key(key), AsyncResponseTransformer.toBytes())
              .get()
              .asByteArray();
      assertTrue(Arrays.equals(concat(p1, p2), got));
    }
  }

  static CompletedPart part(int n, String etag) {
    return CompletedPart.builder().partNumber(n).eTag(etag).build();
  }

  private static String complete(String key, String id, CompletedPart... parts) {
    return s3Error(
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(BUCKET)
                            .key(key)
                            .uploadId(id)
                            .multipartUpload(m -> m.parts(parts))))
        .awsErrorDetails()
        .errorCode();
  }

  @Test
  void partsOver5GibAreEntityTooLargeBeforeTheBodyIsSent() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("huge-part")).uploadId();
    long size = (5L << 30) + 1;
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                s3.uploadPart(
                    b -> b.bucket(BUCKET).key("huge-part").uploadId(uploadId).partNumber(1),
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
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("huge-part").uploadId(uploadId));
  }
}
