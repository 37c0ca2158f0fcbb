package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.icn.gateway.s3.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** ListBuckets with {@code max-buckets}, {@code continuation-token}, {@code prefix}. */
class ListBucketsEndToEndTest {
  static final List<String> NAMES = List.of("lb-a", "lb-b", "lb-c", "lb-d", "other-e");

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    NAMES.forEach(n -> s3.createBucket(b -> b.bucket(n)));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static List<String> names(ListBucketsResponse r) {
    return r.buckets().stream().map(Bucket::name).toList();
  }

  @Test
  void withoutParametersEveryBucketIsListedWithoutAToken() {
    ListBucketsResponse r = s3.listBuckets();
    assertEquals(NAMES, names(r));
    assertNull(r.continuationToken());
    assertNull(r.prefix());
  }

  @Test
  void maxBucketsPagesThroughFiveBucketsInTwos() {
    List<List<String>> pages = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListBucketsResponse r = s3.listBuckets(b -> b.maxBuckets(2).continuationToken(t));
      pages.add(names(r));
      token = r.continuationToken();
    } while (token != null);
    assertEquals(
        List.of(List.of("lb-a", "lb-b"), List.of("lb-c", "lb-d"), List.of("other-e")), pages);

    List<String> viaPaginator = new ArrayList<>();
    s3.listBucketsPaginator(b -> b.maxBuckets(2))
        .buckets()
        .forEach(b -> viaPaginator.add(b.name()));
    assertEquals(NAMES, viaPaginator);
  }

  @Test
  void prefixFiltersAndIsEchoed() {
    ListBucketsResponse r = s3.listBuckets(b -> b.prefix("lb-").maxBuckets(3));
    assertEquals(List.of("lb-a", "lb-b", "lb-c"), names(r));
    assertEquals("lb-", r.prefix());
    String token = r.continuationToken();
    ListBucketsResponse rest =
        s3.listBuckets(b -> b.prefix("lb-").maxBuckets(3).continuationToken(token));
    assertEquals(List.of("lb-d"), names(rest));
    assertNull(rest.continuationToken());
    assertEquals(List.of(), names(s3.listBuckets(b -> b.prefix("zz"))));
  }

  @Test
  void bucketRegionFilters() {
    assertEquals(NAMES, names(s3.listBuckets(b -> b.bucketRegion(S3TestGateway.REGION))));
    assertEquals(List.of(), names(s3.listBuckets(b -> b.bucketRegion("eu-west-3"))));
  }

  @Test
  void anotherTenantSeesNoneOfThem() {
    S3Client other = gateway.client(true, S3TestGateway.KEY_2, S3TestGateway.SECRET_2);
    assertEquals(List.of(), names(other.listBuckets(b -> b.maxBuckets(2))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "10001", "two", "-1", ""})
  void invalidMaxBucketsIsInvalidArgument(String value) throws Exception {
    RawHttp http = new RawHttp(gateway.port(), S3TestGateway.KEY_1, S3TestGateway.SECRET_1);
    Response r =
        http.send(
            http.sign(
                SdkHttpMethod.GET,
                "/",
                List.of(Map.entry("max-buckets", value)),
                Map.of(),
                null,
                RawHttp.Mode.SIGNED_PAYLOAD,
                Clock.systemUTC(),
                null));
    assertEquals(400, r.status(), r.text());
    assertTrue(r.text().contains("<Code>InvalidArgument</Code>"), r.text());
  }

  @Test
  void invalidContinuationTokenIsInvalidArgument() {
    for (String token : List.of("not*base64", "bm90LWEtdG9rZW4")) {
      S3Exception e =
          org.junit.jupiter.api.Assertions.assertThrows(
              S3Exception.class, () -> s3.listBuckets(b -> b.continuationToken(token)));
      assertEquals(400, e.statusCode());
      assertEquals("InvalidArgument", e.awsErrorDetails().errorCode());
    }
  }
}
