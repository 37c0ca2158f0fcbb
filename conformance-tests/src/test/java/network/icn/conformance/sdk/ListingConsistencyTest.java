package network.icn.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Read-after-write and list-after-write, as S3 has promised since 2020: right after a PUT (new or
 * overwrite) the key lists with its new size and ETag and reads back; right after a DELETE or a
 * DeleteObjects it is gone from listings and reads.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ListingConsistencyTest {
  private static final int KEYS = 12;

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("consistency");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void everyPutIsListedAndEveryDeleteIsNotRightAway(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String prefix = "rw-" + mode.id() + "/";
    // What the prefix must list after each step: key → ETag.
    Map<String, String> model = new TreeMap<>(ObjectOperationsTest::utf8Order);

    for (int i = 0; i < KEYS; i++) {
      String key = prefix + "k" + i;
      // Alternate inline-sized and erasure-coded bodies (in-process: ≤ 4 KiB is inline).
      byte[] body = Bodies.random(i, i % 2 == 0 ? 100 + i : 70_000 + i);
      s3.putObject(b -> b.bucket(bucket).key(key), body);
      model.put(key, Bodies.etag(body));

      assertListed(s3, prefix, model, "after PUT " + key);
      assertEquals(
          Bodies.sha256(body),
          Bodies.sha256(s3.getObject(b -> b.bucket(bucket).key(key)).asByteArray()));
    }

    for (int i = 0; i < KEYS; i += 3) {
      String key = prefix + "k" + i;
      byte[] body = Bodies.random(100 + i, 5_000 + i);
      s3.putObject(b -> b.bucket(bucket).key(key), body);
      model.put(key, Bodies.etag(body));
      assertListed(s3, prefix, model, "after overwriting " + key);
      assertEquals(Bodies.etag(body), s3.headObject(b -> b.bucket(bucket).key(key)).eTag());
    }

    for (int i = 0; i < KEYS; i += 2) {
      String key = prefix + "k" + i;
      s3.deleteObject(b -> b.bucket(bucket).key(key));
      model.remove(key);
      assertListed(s3, prefix, model, "after DELETE " + key);
      assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
    }

    List<ObjectIdentifier> rest =
        model.keySet().stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(rest)));
    model.clear();
    assertListed(s3, prefix, model, "after DeleteObjects");
  }

  /** ListObjectsV2 and ListObjects both list exactly the model (keys and ETags). */
  private void assertListed(S3Ops s3, String prefix, Map<String, String> model, String when) {
    Map<String, String> v2 =
        etags(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents());
    assertEquals(model, v2, "ListObjectsV2 " + when);
    Map<String, String> v1 = etags(s3.listObjects(b -> b.bucket(bucket).prefix(prefix)).contents());
    assertEquals(model, v1, "ListObjects " + when);
  }

  private static Map<String, String> etags(List<S3Object> contents) {
    return contents.stream()
        .collect(
            Collectors.toMap(
                S3Object::key,
                S3Object::eTag,
                (a, b) -> {
                  throw new AssertionError("key listed twice");
                },
                () -> new TreeMap<>(ObjectOperationsTest::utf8Order)));
  }
}
