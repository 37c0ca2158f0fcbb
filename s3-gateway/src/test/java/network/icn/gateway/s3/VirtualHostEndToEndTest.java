package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The newer operations (multipart, copy, batch delete, presigned URLs) with the SDK in
 * virtual-hosted style ({@code bucket.localhost}), default settings otherwise. {@code
 * java.net.http} cannot resolve {@code bucket.localhost}, so it reaches the gateway as its HTTP
 * proxy: the request line is then in absolute form and the Host header names the bucket.
 */
class VirtualHostEndToEndTest {
  static final String BUCKET = "vhost";
  static final String OTHER = "vhost-other";
  static final int MIN_PART = MultipartEndToEndTest.MIN_PART;

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(false);
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(OTHER));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static void put(String bucket, String key, byte[] data) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
  }

  static boolean exists(String bucket, String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Test
  void multipartUploadListPartsListUploadsAbortAndPartNumberRead() throws Exception {
    String key = "mp/two parts";
    byte[] p1 = MultipartEndToEndTest.random(MIN_PART, 21);
    byte[] p2 = MultipartEndToEndTest.random(777, 22);
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    String abandoned =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp/abandoned")).uploadId();
    List<CompletedPart> done = new ArrayList<>();
    byte[][] parts = {p1, p2};
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      String etag =
          s3.uploadPart(
                  b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(n),
                  RequestBody.fromBytes(parts[i]))
              .eTag();
      done.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
    }

    ListPartsResponse listed = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(id));
    assertEquals(2, listed.parts().size());
    assertEquals(MIN_PART, listed.parts().get(0).size());
    assertEquals(777, listed.parts().get(1).size());
    assertEquals(done.get(1).eTag(), listed.parts().get(1).eTag());

    List<String> uploads =
        s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("mp/")).uploads().stream()
            .map(MultipartUpload::uploadId)
            .toList();
    assertTrue(uploads.containsAll(List.of(id, abandoned)), uploads.toString());

    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mp/abandoned").uploadId(abandoned));
    assertFalse(
        s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("mp/")).uploads().stream()
            .anyMatch(u -> u.uploadId().equals(abandoned)));

    CompleteMultipartUploadResponse complete =
        s3.completeMultipartUpload(
            b -> b.bucket(BUCKET).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
    assertEquals(MultipartEndToEndTest.multipartEtag(p1, p2), complete.eTag());
    assertEquals(
        "http://" + BUCKET + ".localhost:" + gateway.port() + "/mp/two%20parts",
        complete.location());

    assertArrayEquals(
        MultipartEndToEndTest.concat(p1, p2),
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
    ResponseBytes<GetObjectResponse> second =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).partNumber(2));
    assertArrayEquals(p2, second.asByteArray());
    assertEquals(2, second.response().partsCount());
  }

  @Test
  void copyObjectAndUploadPartCopyAcrossBuckets() throws Exception {
    int size = MIN_PART + 50_000;
    byte[] data = MultipartEndToEndTest.random(size, 23);
    put(BUCKET, "copy/source é", data);

    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("copy/source é")
                .destinationBucket(OTHER)
                .destinationKey("copied"));
    assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket(OTHER).key("copied")).asByteArray());

    String key = "assembled";
    String id = s3.createMultipartUpload(b -> b.bucket(OTHER).key(key)).uploadId();
    List<CompletedPart> done = new ArrayList<>();
    String[] ranges = {"bytes=0-" + (MIN_PART - 1), "bytes=" + MIN_PART + "-" + (size - 1)};
    for (int i = 0; i < 2; i++) {
      int n = i + 1;
      String range = ranges[i];
      UploadPartCopyResponse r =
          s3.uploadPartCopy(
              b ->
                  b.sourceBucket(BUCKET)
                      .sourceKey("copy/source é")
                      .destinationBucket(OTHER)
                      .destinationKey(key)
                      .uploadId(id)
                      .partNumber(n)
                      .copySourceRange(range));
      done.add(CompletedPart.builder().partNumber(n).eTag(r.copyPartResult().eTag()).build());
    }
    s3.completeMultipartUpload(
        b -> b.bucket(OTHER).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
    assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket(OTHER).key(key)).asByteArray());
  }

  @Test
  void deleteObjectsVerboseAndQuiet() {
    for (String k : List.of("del/a", "del/b", "del/c", "del/d")) {
      put(BUCKET, k, k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    DeleteObjectsResponse verbose =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder().key("del/a").build(),
                                ObjectIdentifier.builder().key("del/b").build(),
                                ObjectIdentifier.builder().key("del/missing").build())));
    assertEquals(3, verbose.deleted().size());
    assertTrue(verbose.errors().isEmpty());
    DeleteObjectsResponse quiet =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.quiet(true)
                                .objects(
                                    ObjectIdentifier.builder().key("del/c").build(),
                                    ObjectIdentifier.builder().key("del/d").build())));
    assertTrue(quiet.deleted().isEmpty());
    assertTrue(quiet.errors().isEmpty());
    for (String k : List.of("del/a", "del/b", "del/c", "del/d")) {
      assertFalse(exists(BUCKET, k), k);
    }
  }

  @Test
  void presignedGetInVirtualHostStyleWorksWithJavaNetHttp() throws Exception {
    byte[] data = MultipartEndToEndTest.random(60_000, 24);
    String key = "presigned/ü +=@";
    put(BUCKET, key, data);
    try (S3Presigner presigner =
            S3Presigner.builder()
                .endpointOverride(URI.create("http://localhost:" + gateway.port()))
                .region(Region.of(S3TestGateway.REGION))
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestGateway.KEY_1, S3TestGateway.SECRET_1)))
                .build();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", gateway.port())))
                .build()) {
      PresignedGetObjectRequest get =
          presigner.presignGetObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .getObjectRequest(g -> g.bucket(BUCKET).key(key)));
      URI url = get.url().toURI();
      assertEquals(BUCKET + ".localhost", url.getHost());
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), () -> new String(r.body()));
      assertArrayEquals(data, r.body());

      HttpResponse<byte[]> tampered =
          http.send(
              HttpRequest.newBuilder(URI.create(url.toString().replace("presigned", "presignee")))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(403, tampered.statusCode());
    }
  }
}
