package network.icn.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 (prefix, delimiter, max-keys with continuation tokens, start-after, the SDK
 * paginator) and ListObjects v1 (marker paging), over one fixed key set.
 *
 * <p>ListObjectVersions is not covered: the gateway does not implement versioning (it answers 501
 * NotImplemented), and a suite over unversioned "versions" would test nothing S3 promises.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ListingTest {
  /** The entries under delimiter "/", keys and common prefixes merged in S3's order. */
  private static final List<String> TOP_LEVEL =
      List.of("alpha/", "b", "b/", "c/", "flat/", "zeta", "z~tilde", "é-accent");

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;

  /** Every key, in S3's order (binary UTF-8). */
  private final TreeSet<String> keys = new TreeSet<>(ObjectOperationsTest::utf8Order);

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("listing");
    keys.addAll(
        List.of(
            "alpha/1",
            "alpha/2",
            "alpha/beta/1",
            "alpha/beta/2",
            "alpha/gamma",
            "b",
            "b/1",
            "c/d/e/f",
            "zeta",
            "z~tilde",
            "é-accent"));
    for (int i = 0; i < 30; i++) {
      keys.add(String.format("flat/k%02d", i));
    }
    for (String key : keys) {
      fx.admin()
          .putObject(
              b -> b.bucket(bucket).key(key),
              RequestBody.fromString("body of " + key, StandardCharsets.UTF_8));
    }
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void aPrefixSelectsItsKeysInUtf8Order(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(bucket));
    assertEquals(List.copyOf(keys), keys(all.contents()));
    assertEquals(keys.size(), all.keyCount());
    assertFalse(all.isTruncated());
    assertNull(all.nextContinuationToken());
    S3Object first = all.contents().get(0);
    assertEquals(("body of " + first.key()).length(), first.size());
    assertEquals(
        Bodies.etag(("body of " + first.key()).getBytes(StandardCharsets.UTF_8)), first.eTag());
    assertNotNull(first.lastModified());
    assertEquals("STANDARD", first.storageClassAsString());
    assertNull(first.owner(), "ListObjectsV2 returns owners only with fetch-owner");
    assertNotNull(
        s3.listObjectsV2(b -> b.bucket(bucket).fetchOwner(true)).contents().get(0).owner());

    ListObjectsV2Response alpha = s3.listObjectsV2(b -> b.bucket(bucket).prefix("alpha/"));
    assertEquals(
        List.of("alpha/1", "alpha/2", "alpha/beta/1", "alpha/beta/2", "alpha/gamma"),
        keys(alpha.contents()));
    assertEquals("alpha/", alpha.prefix());

    ListObjectsV2Response none = s3.listObjectsV2(b -> b.bucket(bucket).prefix("nothing-here"));
    assertEquals(0, none.keyCount());
    assertTrue(none.contents().isEmpty());
    assertFalse(none.isTruncated());
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void aDelimiterRollsKeysUpIntoCommonPrefixes(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
    assertEquals(List.of("b", "zeta", "z~tilde", "é-accent"), keys(top.contents()));
    assertEquals(List.of("alpha/", "b/", "c/", "flat/"), prefixes(top.commonPrefixes()));
    assertEquals(8, top.keyCount(), "KeyCount counts keys and common prefixes");
    assertEquals("/", top.delimiter());

    ListObjectsV2Response alpha =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("alpha/").delimiter("/"));
    assertEquals(List.of("alpha/1", "alpha/2", "alpha/gamma"), keys(alpha.contents()));
    assertEquals(List.of("alpha/beta/"), prefixes(alpha.commonPrefixes()));

    // Any string delimits, not only "/".
    ListObjectsV2Response byK =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("flat/").delimiter("k1"));
    assertEquals(List.of("flat/k1"), prefixes(byK.commonPrefixes()));
    assertEquals(30 - 10, byK.contents().size());
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void maxKeysPagesWithContinuationTokens(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(b -> b.bucket(bucket).prefix("flat/").maxKeys(7).continuationToken(t));
      assertEquals(7, page.maxKeys());
      assertEquals(page.contents().size(), page.keyCount());
      assertEquals(t, page.continuationToken());
      assertEquals(page.isTruncated(), page.nextContinuationToken() != null);
      seen.addAll(keys(page.contents()));
      pageSizes.add(page.keyCount());
      token = page.nextContinuationToken();
    } while (token != null);
    assertEquals(List.of(7, 7, 7, 7, 2), pageSizes);
    assertEquals(List.copyOf(keys.subSet("flat/", "flat0")), seen);

    // With a delimiter, common prefixes count toward max-keys and are never repeated.
    List<String> entries = new ArrayList<>();
    token = null;
    do {
      String t = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/").maxKeys(3).continuationToken(t));
      assertTrue(page.keyCount() <= 3);
      assertEquals(page.contents().size() + page.commonPrefixes().size(), page.keyCount());
      entries.addAll(entries(page.contents(), page.commonPrefixes()));
      token = page.nextContinuationToken();
    } while (token != null);
    assertEquals(TOP_LEVEL, entries);

    // The SDK's paginator walks the same pages.
    List<String> paged = new ArrayList<>();
    for (ListObjectsV2Response page : s3.listObjectsV2Pages(b -> b.bucket(bucket).maxKeys(4))) {
      assertTrue(page.keyCount() <= 4);
      paged.addAll(keys(page.contents()));
    }
    assertEquals(List.copyOf(keys), paged);
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void startAfterSkipsUpToAndIncludingItsKey(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    ListObjectsV2Response after =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("flat/").startAfter("flat/k09"));
    assertEquals(List.copyOf(keys.subSet("flat/k10", "flat0")), keys(after.contents()));
    assertEquals("flat/k09", after.startAfter());

    // A start-after that is not a key starts after where it would sort.
    assertEquals(
        List.of("alpha/beta/2", "alpha/gamma"),
        keys(
            s3.listObjectsV2(b -> b.bucket(bucket).prefix("alpha/").startAfter("alpha/beta/10"))
                .contents()));
    assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).startAfter("\uFFFD")).contents().isEmpty());

    // The paginator repeats start-after with each token; only the first page may apply it.
    List<String> paged = new ArrayList<>();
    for (ListObjectsV2Response page :
        s3.listObjectsV2Pages(
            b -> b.bucket(bucket).prefix("flat/").startAfter("flat/k21").maxKeys(3))) {
      paged.addAll(keys(page.contents()));
    }
    assertEquals(List.copyOf(keys.subSet("flat/k22", "flat0")), paged);
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#pairwise")
  void listObjectsV1PagesWithMarkers(Mode mode) {
    S3Ops s3 = fx.ops(mode);

    // Without a delimiter S3 sends no NextMarker: the client resumes after the last key.
    List<String> seen = new ArrayList<>();
    String marker = null;
    boolean truncated;
    do {
      String m = marker;
      ListObjectsResponse page =
          s3.listObjects(b -> b.bucket(bucket).prefix("flat/").maxKeys(8).marker(m));
      assertNull(page.nextMarker());
      assertEquals(m == null ? "" : m, page.marker() == null ? "" : page.marker());
      assertTrue(page.contents().size() <= 8);
      assertNotNull(page.contents().get(0).owner(), "ListObjects v1 always returns owners");
      seen.addAll(keys(page.contents()));
      truncated = page.isTruncated();
      marker = seen.get(seen.size() - 1);
    } while (truncated);
    assertEquals(List.copyOf(keys.subSet("flat/", "flat0")), seen);

    // With a delimiter, NextMarker names the last entry (key or common prefix) of a truncated page.
    List<String> entries = new ArrayList<>();
    marker = null;
    do {
      String m = marker;
      ListObjectsResponse page =
          s3.listObjects(b -> b.bucket(bucket).delimiter("/").maxKeys(3).marker(m));
      entries.addAll(entries(page.contents(), page.commonPrefixes()));
      truncated = page.isTruncated();
      assertEquals(truncated, page.nextMarker() != null);
      marker = page.nextMarker();
    } while (truncated);
    assertEquals(TOP_LEVEL, entries);
  }

  private static List<String> keys(List<S3Object> contents) {
    return contents.stream().map(S3Object::key).toList();
  }

  /** One page's keys and common prefixes in listing order (a prefix sorts at its own value). */
  private static List<String> entries(List<S3Object> contents, List<CommonPrefix> prefixes) {
    List<String> all = new ArrayList<>(keys(contents));
    all.addAll(prefixes(prefixes));
    all.sort(ObjectOperationsTest::utf8Order);
    return all;
  }

  private static List<String> prefixes(List<CommonPrefix> prefixes) {
    return prefixes.stream().map(CommonPrefix::prefix).toList();
  }
}
