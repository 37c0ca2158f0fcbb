package network.icn.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import network.icn.conformance.Clients;
import network.icn.conformance.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second SDK: MinIO's Java client (OkHttp, its own SigV4 signer, its own XML parsing) through
 * bucket create/exists/remove, single and multipart puts, stat, full and ranged gets, listings by
 * prefix, recursive and with a delimiter (V2 with {@code encoding-type=url}, and V1), and single
 * and batch deletes. Content is compared by SHA-256. The endpoint is {@code http://127.0.0.1:port},
 * for which the client uses path style.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MinioClientTest {
  private static final long PART_SIZE = 5L << 20;
  private static final long BIG_SIZE = 12L << 20; // 5 + 5 + 2 MiB: three parts

  @TempDir static Path dir;
  private S3Target target;
  private Clients clients;
  private MinioClient minio;
  private final List<String> buckets = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    target = S3Target.open(dir);
    clients = new Clients(target);
    minio =
        MinioClient.builder()
            .endpoint(target.endpoint(true).toString())
            .region(target.region())
            .credentials(target.accessKey(), target.secretKey())
            .build();
  }

  @AfterEach
  void removeBuckets() {
    buckets.forEach(b -> Buckets.removeIfPresent(clients.sync(), b));
    buckets.clear();
  }

  @AfterAll
  void stop() throws Exception {
    minio.close();
    clients.close();
    target.close();
  }

  private String newBucket(String stem) throws Exception {
    String bucket = S3Target.bucketName(stem);
    buckets.add(bucket);
    minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    return bucket;
  }

  private static String errorCode(Executable call) {
    return assertThrows(ErrorResponseException.class, call).errorResponse().code();
  }

  private static String unquoted(String etag) {
    return etag.replace("\"", "");
  }

  @Test
  void makeBucketIsSeenByBucketExistsAndRemoveBucketUndoesIt() throws Exception {
    String bucket = S3Target.bucketName("minio-mb");
    buckets.add(bucket);
    assertFalse(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    assertTrue(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    assertFalse(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    assertEquals(
        "NoSuchBucket",
        errorCode(() -> minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build())));
  }

  @Test
  void smallAndMultipartPutsStatAndReadBackWholeAndByRange() throws Exception {
    String bucket = newBucket("minio-rw");

    byte[] small = "small object through minio-java\n".getBytes(StandardCharsets.UTF_8);
    ObjectWriteResponse put =
        minio.putObject(
            PutObjectArgs.builder().bucket(bucket).object("small.txt").stream(
                    new ByteArrayInputStream(small), small.length, -1)
                .contentType("text/plain")
                .userMetadata(Map.of("colour", "blue"))
                .build());
    StatObjectResponse stat =
        minio.statObject(StatObjectArgs.builder().bucket(bucket).object("small.txt").build());
    assertEquals(small.length, stat.size());
    assertEquals(unquoted(put.etag()), unquoted(stat.etag()));
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("MD5").digest(small)),
        unquoted(stat.etag()),
        "a single-part ETag is the content's MD5");
    assertEquals("text/plain", stat.contentType());
    Map<String, String> meta = new TreeMap<>();
    stat.userMetadata().forEach((k, v) -> meta.put(k.toLowerCase(Locale.ROOT), v));
    assertEquals(Map.of("colour", "blue"), meta);
    try (GetObjectResponse in =
        minio.getObject(GetObjectArgs.builder().bucket(bucket).object("small.txt").build())) {
      assertArrayEquals(small, in.readAllBytes());
    }

    Path big = Content.file(dir.resolve("minio-big.bin"), BIG_SIZE, 12);
    try (InputStream in = Files.newInputStream(big)) {
      minio.putObject(
          PutObjectArgs.builder().bucket(bucket).object("big/twelve.bin").stream(
                  in, BIG_SIZE, PART_SIZE)
              .build());
    }
    StatObjectResponse bigStat =
        minio.statObject(StatObjectArgs.builder().bucket(bucket).object("big/twelve.bin").build());
    assertEquals(BIG_SIZE, bigStat.size());
    assertEquals(
        Content.multipartEtag(big, PART_SIZE),
        unquoted(bigStat.etag()),
        "a 12 MiB put with 5 MiB parts is a three-part multipart upload");
    try (GetObjectResponse in =
        minio.getObject(GetObjectArgs.builder().bucket(bucket).object("big/twelve.bin").build())) {
      assertEquals(Content.sha256(big), Content.sha256(in));
    }

    byte[] whole = Files.readAllBytes(big);
    long[][] ranges = {
      {0, 1}, // the first byte
      {PART_SIZE - 100, 300}, // across the first part boundary
      {2 * PART_SIZE, BIG_SIZE - 2 * PART_SIZE}, // exactly the last part
      {BIG_SIZE - 7, 7} // the last bytes
    };
    for (long[] r : ranges) {
      try (GetObjectResponse in =
          minio.getObject(
              GetObjectArgs.builder()
                  .bucket(bucket)
                  .object("big/twelve.bin")
                  .offset(r[0])
                  .length(r[1])
                  .build())) {
        byte[] expected = Arrays.copyOfRange(whole, (int) r[0], (int) (r[0] + r[1]));
        assertEquals(
            Content.sha256(expected),
            Content.sha256(in.readAllBytes()),
            "range " + r[0] + "+" + r[1]);
      }
    }
    // An offset with no length reads to the end.
    try (GetObjectResponse in =
        minio.getObject(
            GetObjectArgs.builder()
                .bucket(bucket)
                .object("big/twelve.bin")
                .offset(BIG_SIZE - 4096)
                .build())) {
      assertEquals(
          Content.sha256(Arrays.copyOfRange(whole, whole.length - 4096, whole.length)),
          Content.sha256(in.readAllBytes()));
    }

    assertEquals(
        "NoSuchKey",
        errorCode(
            () ->
                minio.statObject(StatObjectArgs.builder().bucket(bucket).object("nope").build())));
    assertEquals(
        "NoSuchKey",
        errorCode(
            () ->
                minio
                    .getObject(GetObjectArgs.builder().bucket(bucket).object("nope").build())
                    .close()));
  }

  private List<Item> list(ListObjectsArgs args) throws Exception {
    List<Item> items = new ArrayList<>();
    for (Result<Item> r : minio.listObjects(args)) {
      items.add(r.get());
    }
    return items;
  }

  private static List<String> names(List<Item> items) {
    return items.stream().map(i -> (i.isDir() ? "D " : "") + i.objectName()).toList();
  }

  /**
   * Names of a delimited listing, sorted: the client yields a page's keys before its common
   * prefixes (they are separate lists in the XML), so its order is not the server's.
   */
  private static List<String> sortedNames(List<Item> items) {
    return items.stream().map(i -> i.objectName() + (i.isDir() ? " D" : "")).sorted().toList();
  }

  @Test
  void listingsByPrefixRecursiveAndDelimiterThenSingleAndBatchRemoval() throws Exception {
    String bucket = newBucket("minio-ls");
    // Keys a url encoding-type must carry through: a space, a plus, a percent, non-ASCII.
    List<String> keys =
        List.of(
            "dir/a.txt",
            "dir/b c+d%e.txt",
            "dir/sub/deep/x.bin",
            "dir/sub/y.bin",
            "dir/ünïcødé.txt",
            "dirt.txt",
            "top.txt");
    Map<String, Integer> sizes = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      byte[] body = Content.bytes(100 * i + 1, i);
      sizes.put(keys.get(i), body.length);
      minio.putObject(
          PutObjectArgs.builder().bucket(bucket).object(keys.get(i)).stream(
                  new ByteArrayInputStream(body), body.length, -1)
              .build());
    }

    List<Item> all = list(ListObjectsArgs.builder().bucket(bucket).recursive(true).build());
    assertEquals(keys, names(all), "recursive listing, in key order");
    for (Item i : all) {
      assertEquals((long) sizes.get(i.objectName()), i.size(), i.objectName());
    }
    assertEquals(
        List.of(
            "dir/a.txt",
            "dir/b c+d%e.txt",
            "dir/sub/deep/x.bin",
            "dir/sub/y.bin",
            "dir/ünïcødé.txt"),
        names(
            list(ListObjectsArgs.builder().bucket(bucket).prefix("dir/").recursive(true).build())));
    assertEquals(
        List.of("dir/ D", "dirt.txt", "top.txt"),
        sortedNames(list(ListObjectsArgs.builder().bucket(bucket).build())),
        "delimiter '/' at the root: one common prefix, two objects");
    assertEquals(
        List.of("dir/a.txt", "dir/b c+d%e.txt", "dir/sub/ D", "dir/ünïcødé.txt"),
        sortedNames(list(ListObjectsArgs.builder().bucket(bucket).prefix("dir/").build())),
        "delimiter '/' under dir/");
    assertEquals(
        List.of("dir/ D", "dirt.txt"),
        sortedNames(list(ListObjectsArgs.builder().bucket(bucket).prefix("dir").build())));
    assertEquals(
        List.of("dir/ D", "dirt.txt", "top.txt"),
        sortedNames(list(ListObjectsArgs.builder().bucket(bucket).useApiVersion1(true).build())),
        "ListObjects V1 agrees");
    assertEquals(
        keys,
        names(list(ListObjectsArgs.builder().bucket(bucket).recursive(true).maxKeys(2).build())),
        "pages of two keys continue where the last ended");
    assertEquals(
        List.of("dir/a.txt", "dir/b c+d%e.txt", "dir/sub/ D", "dir/ünïcødé.txt"),
        sortedNames(
            list(ListObjectsArgs.builder().bucket(bucket).prefix("dir/").maxKeys(1).build())),
        "pages of one entry step over a common prefix (V2 continuation token)");
    assertEquals(
        List.of("dir/a.txt", "dir/b c+d%e.txt", "dir/sub/ D", "dir/ünïcødé.txt"),
        sortedNames(
            list(
                ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix("dir/")
                    .maxKeys(1)
                    .useApiVersion1(true)
                    .build())),
        "pages of one entry step over a common prefix (V1 NextMarker)");

    assertEquals(
        "BucketNotEmpty",
        errorCode(() -> minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build())));

    minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("top.txt").build());
    List<DeleteObject> rest =
        keys.stream().filter(k -> !k.equals("top.txt")).map(DeleteObject::new).toList();
    List<String> errors = new ArrayList<>();
    for (Result<DeleteError> r :
        minio.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(rest).build())) {
      DeleteError e = r.get();
      errors.add(e.objectName() + ": " + e.code() + " " + e.message());
    }
    assertEquals(List.of(), errors, "batch delete errors");
    assertEquals(
        new TreeSet<String>(),
        new TreeSet<>(
            names(list(ListObjectsArgs.builder().bucket(bucket).recursive(true).build()))));

    minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    assertFalse(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
  }
}
