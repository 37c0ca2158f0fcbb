package network.icn.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.icn.conformance.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Presigned GetObject and PutObject URLs, executed by a plain {@code java.net.http.HttpClient} (no
 * SDK on the wire), in both addressing styles; expired, tampered and misused URLs are 403.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PresignedUrlTest {
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;
  private HttpClient http;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("presigned");
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  void stop() {
    http.close();
    fx.close();
  }

  @ParameterizedTest(name = "path style: {0}")
  @ValueSource(booleans = {true, false})
  void presignedGetAndPutWorkOverPlainHttp(boolean pathStyle) throws Exception {
    S3Presigner presigner = fx.clients().presigner(pathStyle);
    String key = "plain http/" + pathStyle + "/ünïcode+file.bin";
    byte[] body = Bodies.random(11, 300_000);
    fx.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));

    URI get =
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(Duration.ofMinutes(10))
                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
            .url()
            .toURI();
    HttpResponse<byte[]> got = send(HttpRequest.newBuilder(get).GET());
    assertEquals(200, got.statusCode(), () -> text(got));
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.body()));
    assertEquals(Bodies.etag(body), got.headers().firstValue("ETag").orElse(null));

    // A presigned GET may override response headers; the override is part of the signature.
    URI download =
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(Duration.ofMinutes(10))
                        .getObjectRequest(
                            g ->
                                g.bucket(bucket)
                                    .key(key)
                                    .responseContentDisposition("attachment; filename=\"x.bin\"")))
            .url()
            .toURI();
    HttpResponse<byte[]> downloaded = send(HttpRequest.newBuilder(download).GET());
    assertEquals(200, downloaded.statusCode(), () -> text(downloaded));
    assertEquals(
        "attachment; filename=\"x.bin\"",
        downloaded.headers().firstValue("Content-Disposition").orElse(null));

    String putKey = key + ".uploaded";
    byte[] upload = Bodies.random(12, 200_000);
    URI put =
        presigner
            .presignPutObject(
                p ->
                    p.signatureDuration(Duration.ofMinutes(10))
                        .putObjectRequest(
                            r -> r.bucket(bucket).key(putKey).contentType("application/x-upload")))
            .url()
            .toURI();
    HttpResponse<byte[]> putResponse =
        send(
            HttpRequest.newBuilder(put)
                .header("Content-Type", "application/x-upload")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(upload)));
    assertEquals(200, putResponse.statusCode(), () -> text(putResponse));
    assertEquals(Bodies.etag(upload), putResponse.headers().firstValue("ETag").orElse(null));
    ResponseBytes<GetObjectResponse> stored =
        fx.admin().getObjectAsBytes(b -> b.bucket(bucket).key(putKey));
    assertEquals(Bodies.sha256(upload), Bodies.sha256(stored.asByteArray()));
    assertEquals("application/x-upload", stored.response().contentType());
  }

  @ParameterizedTest(name = "path style: {0}")
  @ValueSource(booleans = {true, false})
  void anExpiredPresignedUrlIs403AccessDenied(boolean pathStyle) throws Exception {
    String key = "expired/" + pathStyle;
    fx.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("secret"));
    // Signed an hour ago, valid for one minute: a correct signature, long expired.
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    URI expired = presign(SdkHttpMethod.GET, objectUri(pathStyle, key), anHourAgo, fx.target());

    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(expired).GET());

    assertEquals(403, r.statusCode(), () -> text(r));
    assertEquals("AccessDenied", code(r));
    assertTrue(text(r).contains("expired"), () -> text(r));
    // The same request signed now passes, so the refusal was the expiry alone.
    URI fresh =
        presign(SdkHttpMethod.GET, objectUri(pathStyle, key), Clock.systemUTC(), fx.target());
    HttpResponse<byte[]> ok = send(HttpRequest.newBuilder(fresh).GET());
    assertEquals(200, ok.statusCode(), () -> text(ok));
    assertEquals("secret", new String(ok.body(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "path style: {0}")
  @ValueSource(booleans = {true, false})
  void aTamperedOrMisusedPresignedUrlIs403SignatureDoesNotMatch(boolean pathStyle)
      throws Exception {
    S3Presigner presigner = fx.clients().presigner(pathStyle);
    String key = "tamper/" + pathStyle + "/object";
    fx.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("original"));
    fx.admin().putObject(b -> b.bucket(bucket).key(key + "2"), RequestBody.fromString("other"));
    String get =
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(Duration.ofMinutes(10))
                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
            .url()
            .toString();

    // A changed signature, a different key, a longer validity.
    Matcher sig = Pattern.compile("X-Amz-Signature=([0-9a-f]+)").matcher(get);
    assertTrue(sig.find(), get);
    String s = sig.group(1);
    String flipped = s.substring(0, s.length() - 1) + (s.endsWith("0") ? "1" : "0");
    assertRefused(get.replace(s, flipped), "GET", null, "SignatureDoesNotMatch");
    assertRefused(get.replace("/object?", "/object2?"), "GET", null, "SignatureDoesNotMatch");
    assertRefused(
        get.replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800"),
        "GET",
        null,
        "SignatureDoesNotMatch");
    // The GET URL used to PUT.
    assertRefused(get, "PUT", "application/octet-stream", "SignatureDoesNotMatch");

    // A presigned PUT with a signed Content-Type, sent with another one.
    String put =
        presigner
            .presignPutObject(
                p ->
                    p.signatureDuration(Duration.ofMinutes(10))
                        .putObjectRequest(r -> r.bucket(bucket).key(key).contentType("text/plain")))
            .url()
            .toString();
    assertRefused(put, "PUT", "application/json", "SignatureDoesNotMatch");

    // Nothing above changed the object.
    assertEquals(
        "original", fx.admin().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
  }

  @ParameterizedTest(name = "path style: {0}")
  @ValueSource(booleans = {true, false})
  void aPresignedUrlOfAnUnknownAccessKeyIs403InvalidAccessKeyId(boolean pathStyle)
      throws Exception {
    String get = objectUri(pathStyle, "any").toString();
    S3Target t = fx.target();
    URI signed =
        presign(
            SdkHttpMethod.GET, URI.create(get), Clock.systemUTC(), t, "AKIAUNKNOWN000000000", "x");
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(signed).GET());
    assertEquals(403, r.statusCode(), () -> text(r));
    assertEquals("InvalidAccessKeyId", code(r));
  }

  private void assertRefused(String url, String method, String contentType, String code)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString("tampered"));
    }
    HttpResponse<byte[]> r = send(b);
    assertEquals(403, r.statusCode(), () -> method + " " + url + ": " + text(r));
    assertEquals(code, code(r), () -> method + " " + url);
  }

  /** {@code http://host:port/bucket/key} or {@code http://bucket.host:port/key}, key encoded. */
  private URI objectUri(boolean pathStyle, String key) {
    URI base = fx.target().endpoint(pathStyle);
    String encoded = SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    return pathStyle
        ? URI.create(base + "/" + bucket + "/" + encoded)
        : URI.create(
            base.getScheme()
                + "://"
                + bucket
                + "."
                + base.getHost()
                + ":"
                + base.getPort()
                + "/"
                + encoded);
  }

  private static URI presign(SdkHttpMethod method, URI uri, Clock clock, S3Target target) {
    return presign(method, uri, clock, target, target.accessKey(), target.secretKey());
  }

  /** A SigV4 query-string signature made with {@code clock}, valid for one minute from it. */
  private static URI presign(
      SdkHttpMethod method, URI uri, Clock clock, S3Target target, String key, String secret) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(method).uri(uri).build();
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(AwsCredentialsIdentity.create(key, secret))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, target.region())
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(1))
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock))
        .request()
        .getUri();
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
  }

  private static String code(HttpResponse<byte[]> r) {
    Matcher m = CODE.matcher(new String(r.body(), StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }
}
