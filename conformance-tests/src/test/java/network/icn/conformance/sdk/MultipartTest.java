package network.icn.conformance.sdk;

import static network.icn.conformance.sdk.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads: one and two parts (the first at S3's 5 MiB minimum), part numbers at the 10
 * 000 limit, EntityTooSmall, InvalidPart, InvalidPartOrder, ListParts paging, abort, a composite
 * CRC32 checksum, and the async client's automatic multipart upload.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MultipartTest {
  private static final int MIN_PART = 5 * 1024 * 1024;

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("multipart");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void oneAndTwoPartUploadsAssembleTheObject(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    byte[] only = Bodies.random(1, 300_000);
    String single = "single/" + mode.id();
    CompleteMultipartUploadResponse one = upload(s3, single, List.of(only));
    assertEquals(multipartEtag(List.of(only)), one.eTag());
    assertEquals(Bodies.sha256(only), sha256(s3, single));

    byte[] first = Bodies.random(2, MIN_PART);
    byte[] second = Bodies.random(3, 123_457);
    String key = "two/" + mode.id();
    CompleteMultipartUploadResponse two = upload(s3, key, List.of(first, second));
    assertEquals(multipartEtag(List.of(first, second)), two.eTag());
    assertEquals(bucket, two.bucket());
    assertEquals(key, two.key());

    byte[] whole = concat(first, second);
    ResponseBytes<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key(key));
    assertEquals(Bodies.sha256(whole), Bodies.sha256(got.asByteArray()));
    assertEquals(two.eTag(), got.response().eTag());
    assertEquals(
        (long) whole.length, s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
    // A range across the part boundary.
    ResponseBytes<GetObjectResponse> across =
        s3.getObject(
            b ->
                b.bucket(bucket)
                    .key(key)
                    .range("bytes=" + (MIN_PART - 100) + "-" + (MIN_PART + 99)));
    assertEquals(
        Bodies.sha256(Arrays.copyOfRange(whole, MIN_PART - 100, MIN_PART + 100)),
        Bodies.sha256(across.asByteArray()));
    // partNumber addresses one part of the completed object.
    HeadObjectResponse part2 = s3.headObject(b -> b.bucket(bucket).key(key).partNumber(2));
    assertEquals(2, part2.partsCount());
    assertEquals((long) second.length, part2.contentLength());
    assertEquals(
        Bodies.sha256(second),
        Bodies.sha256(s3.getObject(b -> b.bucket(bucket).key(key).partNumber(2)).asByteArray()));
    assertEquals(
        whole.length, s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().get(0).size());
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void partNumber10000IsAcceptedAnd10001IsInvalidArgument(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "limits/" + mode.id();
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    byte[] body = Bodies.random(4, 1000);

    for (int bad : new int[] {10_001, 0}) {
      assertS3Error(
          400,
          "InvalidArgument",
          () -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(bad), body));
    }
    UploadPartResponse last =
        s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(10_000), body);

    ListPartsResponse parts = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id));
    assertEquals(List.of(10_000), parts.parts().stream().map(Part::partNumber).toList());
    s3.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key(key)
                .uploadId(id)
                .multipartUpload(
                    m ->
                        m.parts(
                            CompletedPart.builder().partNumber(10_000).eTag(last.eTag()).build())));
    assertEquals(Bodies.sha256(body), sha256(s3, key));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void aSmallPartBeforeTheLastIs400EntityTooSmallAtComplete(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "too-small/" + mode.id();
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      int number = n;
      UploadPartResponse r =
          s3.uploadPart(
              b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number),
              Bodies.random(n, 100_000)); // every part may be small until completion
      parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).build());
    }

    assertS3Error(
        400,
        "EntityTooSmall",
        () ->
            s3.completeMultipartUpload(
                b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts))));

    // The upload is still there: its parts list, and it can be aborted.
    assertEquals(2, s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts().size());
    s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void aWrongPartAtCompleteIs400InvalidPartAndAWrongOrderIsInvalidPartOrder(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "invalid-part/" + mode.id();
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    byte[] first = Bodies.random(5, MIN_PART);
    byte[] second = Bodies.random(6, 1000);
    String e1 =
        s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1), first).eTag();
    String e2 =
        s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(2), second).eTag();
    String wrong = "\"" + "0".repeat(32) + "\"";

    assertS3Error(
        400, "InvalidPart", () -> complete(s3, key, id, List.of(part(1, e1), part(2, wrong))));
    assertS3Error(
        400, "InvalidPart", () -> complete(s3, key, id, List.of(part(1, e1), part(3, e2))));
    assertS3Error(
        400, "InvalidPartOrder", () -> complete(s3, key, id, List.of(part(2, e2), part(1, e1))));
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));

    // The failed completions left the upload intact.
    complete(s3, key, id, List.of(part(1, e1), part(2, e2)));
    assertEquals(Bodies.sha256(concat(first, second)), sha256(s3, key));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void listPartsPagesAndAbortEndsTheUpload(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "list-parts/" + mode.id();
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    List<String> etags = new ArrayList<>();
    for (int n : new int[] {1, 2, 3, 5}) {
      byte[] body = Bodies.random(n, 1000 * n);
      s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(n), body);
      etags.add(Bodies.etag(body));
    }
    assertTrue(
        fx.admin().listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().stream()
            .anyMatch(u -> u.uploadId().equals(id)));

    ListPartsResponse page1 = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id).maxParts(2));
    assertEquals(List.of(1, 2), page1.parts().stream().map(Part::partNumber).toList());
    assertTrue(page1.isTruncated());
    assertEquals(2, page1.nextPartNumberMarker());
    assertEquals(List.of(1000L, 2000L), page1.parts().stream().map(Part::size).toList());
    ListPartsResponse page2 =
        s3.listParts(
            b ->
                b.bucket(bucket)
                    .key(key)
                    .uploadId(id)
                    .maxParts(2)
                    .partNumberMarker(page1.nextPartNumberMarker()));
    assertEquals(List.of(3, 5), page2.parts().stream().map(Part::partNumber).toList());
    assertFalse(page2.isTruncated());
    List<String> listed = new ArrayList<>(page1.parts().stream().map(Part::eTag).toList());
    listed.addAll(page2.parts().stream().map(Part::eTag).toList());
    assertEquals(etags, listed);

    assertEquals(
        204,
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id))
            .sdkHttpResponse()
            .statusCode());

    assertS3Error(
        404, "NoSuchUpload", () -> s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)));
    assertS3Error(
        404,
        "NoSuchUpload",
        () ->
            s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(4), new byte[1]));
    assertS3Error(404, "NoSuchUpload", () -> complete(s3, key, id, List.of(part(1, etags.get(0)))));
    assertS3Error(
        404,
        "NoSuchUpload",
        () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)));
    assertFalse(
        fx.admin().listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().stream()
            .anyMatch(u -> u.uploadId().equals(id)));
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void aCrc32UploadGetsTheCompositeChecksumOfItsParts(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "crc32/" + mode.id();
    byte[] first = Bodies.random(7, MIN_PART);
    byte[] second = Bodies.random(8, 4321);
    String id =
        s3.createMultipartUpload(
                b -> b.bucket(bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32))
            .uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    int n = 1;
    for (byte[] body : List.of(first, second)) {
      int number = n++;
      UploadPartResponse r =
          s3.uploadPart(
              b ->
                  b.bucket(bucket)
                      .key(key)
                      .uploadId(id)
                      .partNumber(number)
                      .checksumAlgorithm(ChecksumAlgorithm.CRC32),
              body);
      assertEquals(ObjectOperationsTest.crc32(body), r.checksumCRC32());
      parts.add(
          CompletedPart.builder()
              .partNumber(number)
              .eTag(r.eTag())
              .checksumCRC32(r.checksumCRC32())
              .build());
    }

    CompleteMultipartUploadResponse done =
        s3.completeMultipartUpload(
            b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));

    // COMPOSITE: the CRC32 of the parts' binary CRC32s, then "-<number of parts>".
    byte[] crcs = concat(crcBytes(first), crcBytes(second));
    String composite = ObjectOperationsTest.crc32(crcs) + "-2";
    assertEquals(composite, done.checksumCRC32());
    HeadObjectResponse head =
        s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
    assertEquals(composite, head.checksumCRC32());
    assertEquals(Bodies.sha256(concat(first, second)), sha256(s3, key));
  }

  @Test
  void theAsyncClientsAutomaticMultipartUploadSplitsALargeBody() {
    byte[] body = Bodies.random(9, 2 * MIN_PART + 777);
    String key = "automatic-multipart";
    try (S3AsyncClient async =
        S3AsyncClient.builder()
            .endpointOverride(fx.target().endpoint(true))
            .forcePathStyle(true)
            .region(Region.of(fx.target().region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(fx.target().accessKey(), fx.target().secretKey())))
            .multipartEnabled(true)
            .multipartConfiguration(
                c -> c.thresholdInBytes((long) MIN_PART).minimumPartSizeInBytes((long) MIN_PART))
            .build()) {
      String etag =
          async
              .putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromBytes(body))
              .join()
              .eTag();
      assertTrue(etag.endsWith("-3\""), "three parts: " + etag);
      ResponseBytes<GetObjectResponse> got =
          async
              .getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes())
              .join();
      assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));
      assertEquals(etag, got.response().eTag());
    }
  }

  private CompleteMultipartUploadResponse upload(S3Ops s3, String key, List<byte[]> bodies) {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      int number = i + 1;
      byte[] body = bodies.get(i);
      UploadPartResponse r =
          s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number), body);
      assertEquals(Bodies.etag(body), r.eTag());
      parts.add(part(number, r.eTag()));
    }
    return complete(s3, key, id, parts);
  }

  private CompleteMultipartUploadResponse complete(
      S3Ops s3, String key, String id, List<CompletedPart> parts) {
    return s3.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
  }

  private static CompletedPart part(int number, String etag) {
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private String sha256(S3Ops s3, String key) {
    return Bodies.sha256(s3.getObject(b -> b.bucket(bucket).key(key)).asByteArray());
  }

  /** S3's multipart ETag: the MD5 of the parts' binary MD5s, then "-<number of parts>". */
  private static String multipartEtag(List<byte[]> parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (byte[] p : parts) {
        md5.update(MessageDigest.getInstance("MD5").digest(p));
      }
      return "\"" + HexFormat.of().formatHex(md5.digest()) + "-" + parts.size() + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] crcBytes(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
