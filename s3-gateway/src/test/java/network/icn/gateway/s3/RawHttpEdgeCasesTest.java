package network.icn.gateway.s3;

import static network.icn.gateway.s3.RawHttp.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ShardDeletion;
import network.icn.gateway.s3.RawHttp.Mode;
import network.icn.gateway.s3.RawHttp.Response;
import network.icn.gateway.s3.RawHttp.Signed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Bad and odd input through the running server over plain sockets and {@link HttpClient}: wrong
 * signatures, clock skew, expired and working presigned URLs (ours and the SDK's {@link
 * S3Presigner}), truncated and tampered aws-chunked bodies, an oversized header section, odd keys
 * and query strings, checksum headers. After every test the gateway must still serve a normal
 * request.
 */
class RawHttpEdgeCasesTest {
  static final String BUCKET = "raw";
  static final byte[] HEALTHY = "still serving".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    http = new RawHttp(gateway.port(), S3TestGateway.KEY_1, S3TestGateway.SECRET_1);
    assertEquals(
        200, http.send(http.sign(SdkHttpMethod.PUT, "/" + BUCKET, Map.of(), null)).status());
    assertEquals(200, put("healthy", HEALTHY, Map.of()).status());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @AfterEach
  void gatewayStillServes() {
    Response r = get("healthy", Map.of());
    assertEquals(200, r.status(), r.text());
    assertArrayEquals(HEALTHY, r.body());
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static String path(String key) {
    return "/" + BUCKET + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
  }

  static Response put(String key, byte[] body, Map<String, String> headers) {
    return http.send(http.sign(SdkHttpMethod.PUT, path(key), headers, body));
  }

  static Response get(String key, Map<String, String> headers) {
    return http.send(http.sign(SdkHttpMethod.GET, path(key), headers, null));
  }

  static void assertError(Response r, int status, String code) {
    assertEquals(status, r.status(), r.text());
    assertEquals(code, r.code(), r.text());
    assertEquals("application/xml", r.header("Content-Type").orElse(""));
    assertTrue(r.header("x-amz-request-id").isPresent());
  }

  static void assertAbsent(String key) {
    assertError(get(key, Map.of()), 404, "NoSuchKey");
  }

  @Test
  void wrongSignatureIs403SignatureDoesNotMatch() {
    Signed signed = http.sign(SdkHttpMethod.GET, path("healthy"), Map.of(), null);
    String auth = signed.headers().get("Authorization").getFirst();
    char last = auth.charAt(auth.length() - 1);
    String tampered = auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0');
    assertError(
        http.send(signed.withHeader("Authorization", tampered)), 403, "SignatureDoesNotMatch");
  }

  @Test
  void wrongSecretOnAPutIs403AndNothingIsStored() {
    RawHttp wrong = new RawHttp(gateway.port(), S3TestGateway.KEY_1, "not-the-secret");
    Response r =
        wrong.send(wrong.sign(SdkHttpMethod.PUT, path("wrong-secret"), Map.of(), random(10, 1)));
    assertError(r, 403, "SignatureDoesNotMatch");
    assertAbsent("wrong-secret");
  }

  @ParameterizedTest
  @ValueSource(ints = {-16, 16})
  void clockSkewOver15MinutesIsRequestTimeTooSkewed(int minutes) {
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes));
    Signed signed =
        http.sign(
            SdkHttpMethod.GET,
            path("healthy"),
            List.of(),
            Map.of(),
            null,
            Mode.SIGNED_PAYLOAD,
            skewed,
            null);
    assertError(http.send(signed), 403, "RequestTimeTooSkewed");
  }

  @Test
  void expiredPresignedUrlIsAccessDeniedRequestHasExpired() {
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
    Signed signed =
        http.sign(
            SdkHttpMethod.GET,
            path("healthy"),
            List.of(),
            Map.of(),
            null,
            Mode.PRESIGNED,
            past,
            Duration.ofMinutes(1));
    Response r = http.send(signed);
    assertError(r, 403, "AccessDenied");
    assertTrue(r.text().contains("<Message>Request has expired</Message>"), r.text());
  }

  @Test
  void presignedPutAndGetWorkOverPlainHttp() {
    byte[] data = random(100_000, 2);
    Signed put =
        http.sign(
            SdkHttpMethod.PUT,
            path("presigned/raw"),
            List.of(),
            Map.of(),
            data,
            Mode.PRESIGNED,
            Clock.systemUTC(),
            Duration.ofMinutes(5));
    assertTrue(put.target().contains("X-Amz-Signature="), put.target());
    Response stored = http.send(put);
    assertEquals(200, stored.status(), stored.text() + " " + put.target() + " " + put.headers());
    Signed get =
        http.sign(
            SdkHttpMethod.GET,
            path("presigned/raw"),
            List.of(),
            Map.of(),
            null,
            Mode.PRESIGNED,
            Clock.systemUTC(),
            Duration.ofMinutes(5));
    Response r = http.send(get);
    assertEquals(200, r.status(), r.text());
    assertArrayEquals(data, r.body());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void truncatedAwsChunkedBodyCommitsNothing(boolean reset) throws Exception {
    String key = "truncated-" + reset;
    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path(key),
            List.of(),
            Map.of(),
            random(300_000, 3),
            Mode.CHUNKED,
            Clock.systemUTC(),
            null);
    byte[] half = Arrays.copyOf(signed.wire(), signed.wire().length / 2);
    http.exchange(signed.head(), half, false, reset);
    assertAbsent(key);
    Thread.sleep(200); // the server notices the close asynchronously; still nothing afterwards
    assertAbsent(key);
  }

  @Test
  void aClientThatDisconnectsMidUploadLeavesNoObjectAndNoOrphanShardsAfterGc() throws Exception {
    MetadataStore metadata = gateway.cluster.metadata();
    Set<String> before = Set.copyOf(gateway.cluster.allShardIds());
    Set<ShardDeletion> queuedBefore = Set.copyOf(metadata.peekShardDeletions(Instant.now(), 1000));
    // 1.5 MB over a 4+2, 64 KiB-chunk cluster: the first half of the wire carries whole stripes,
    // so shards are already streaming to agents when the client goes away.
    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path("disconnected"),
            List.of(),
            Map.of(),
            random(1_500_000, 11),
            Mode.CHUNKED,
            Clock.systemUTC(),
            null);
    http.exchange(
        signed.head(), Arrays.copyOf(signed.wire(), signed.wire().length / 2), false, false);
    assertAbsent("disconnected");
    // The server aborts the upload asynchronously and queues every shard it had placed for
    // deletion: wait (bounded) until it has, which also shows shards were being written.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Set<ShardDeletion> queued = Set.of();
    while (queued.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      queued = new HashSet<>(metadata.peekShardDeletions(Instant.now(), 1000));
      queued.removeAll(queuedBefore);
    }
    int placed = queued.size();
    assertTrue(placed >= 6, "the aborted upload placed a segment's shards: queued " + placed);
    // GC drains the queue; afterwards the agents hold exactly what they held before.
    while (!metadata.peekShardDeletions(Instant.now(), 1000).isEmpty()
        && System.nanoTime() < deadline) {
      gateway.cluster.deleter().runOnce();
    }
    assertEquals(List.of(), metadata.peekShardDeletions(Instant.now(), 1000));
    assertEquals(before, Set.copyOf(gateway.cluster.allShardIds()), "orphan shards left behind");
    assertAbsent("disconnected");
  }

  @Test
  void expect100ContinueGetsAnInterimResponseBeforeTheBodyIsSent() throws Exception {
    byte[] data = random(50_000, 21);
    Signed signed =
        http.sign(SdkHttpMethod.PUT, path("continued"), Map.of("Expect", "100-continue"), data);
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(signed.head());
      socket.getOutputStream().flush();
      String interim = readHead(socket.getInputStream());
      assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);
      socket.getOutputStream().write(signed.wire());
      socket.getOutputStream().flush();
      String fin = readHead(socket.getInputStream());
      assertTrue(fin.startsWith("HTTP/1.1 200"), fin);
    }
    assertArrayEquals(data, get("continued", Map.of()).body());
  }

  @Test
  void expect100ContinueWithABadSignatureIsRefusedWithoutAskingForTheBody() throws Exception {
    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path("never-continued"),
            Map.of("Expect", "100-continue"),
            random(50_000, 22));
    String auth = signed.headers().get("Authorization").getFirst();
    char last = auth.charAt(auth.length() - 1);
    Signed tampered =
        signed.withHeader(
            "Authorization", auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0'));
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(tampered.head());
      socket.getOutputStream().flush();
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 403"), head);
    }
    assertAbsent("never-continued");
  }

  /** Reads one response head (status line and headers) up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aTrailerChecksumThatDoesNotMatchTheBodyIsBadDigestAndNothingIsStored() {
    byte[] data = random(300_000, 31);
    Signed good =
        http.sign(
            SdkHttpMethod.PUT,
            path("trailer-ok"),
            List.of(),
            Map.of(),
            data,
            Mode.UNSIGNED_TRAILER,
            Clock.systemUTC(),
            null);
    assertEquals(200, http.send(good).status());
    assertArrayEquals(data, get("trailer-ok", Map.of()).body());

    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path("trailer-bad"),
            List.of(),
            Map.of(),
            data,
            Mode.UNSIGNED_TRAILER,
            Clock.systemUTC(),
            null);
    byte[] tampered = signed.wire().clone();
    tampered[150_000] ^= 1; // a data byte: no chunk signature covers it, only the CRC32 trailer
    Signed bad = new Signed(signed.method(), signed.target(), signed.headers(), tampered);
    assertError(http.send(bad), 400, "BadDigest");
    assertAbsent("trailer-bad");
  }

  @Test
  void completeAwsChunkedBodyIsStored() {
    byte[] data = random(200_000, 4);
    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path("chunked-ok"),
            List.of(),
            Map.of(),
            data,
            Mode.CHUNKED,
            Clock.systemUTC(),
            null);
    assertEquals(200, http.send(signed).status());
    assertArrayEquals(data, get("chunked-ok", Map.of()).body());
  }

  @Test
  void badChunkSignatureIs403AndCommitsNothing() {
    Signed signed =
        http.sign(
            SdkHttpMethod.PUT,
            path("bad-chunk"),
            List.of(),
            Map.of(),
            random(70_000, 5),
            Mode.CHUNKED,
            Clock.systemUTC(),
            null);
    byte[] wire = signed.wire().clone();
    String start = new String(wire, 0, 120, StandardCharsets.US_ASCII);
    int at = start.indexOf("chunk-signature=") + "chunk-signature=".length();
    assertTrue(at > 16, start);
    wire[at] = (byte) (wire[at] == 'a' ? 'b' : 'a');
    Response r = http.exchange(signed.head(), wire, true);
    assertError(r, 403, "SignatureDoesNotMatch");
    assertAbsent("bad-chunk");
  }

  @Test
  void oversizedHeaderSectionIs400AndTheNextRequestSucceeds() {
    byte[] head =
        ("GET /"
                + BUCKET
                + "/healthy HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: "
                + "a".repeat(9_000)
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Response r = http.exchange(head, new byte[0], true);
    assertError(r, 400, "RequestHeaderSectionTooLarge");
    // a follow-up on a fresh connection is checked by gatewayStillServes()
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "with space",
        "plus+sign",
        "equals=sign",
        "at@sign",
        "\u00fcn\u00efc\u00f6d\u00e9/\u65e5\u672c\u8a9e/\uD83D\uDE00",
        "mixed ~!*'()$&,;:?#[]%",
        "a//double/",
        "xml <&>\"' chars"
      })
  void oddKeysRoundTripThroughTheServer(String key) {
    byte[] data = key.getBytes(StandardCharsets.UTF_8);
    assertEquals(200, put(key, data, Map.of()).status());
    assertArrayEquals(data, get(key, Map.of()).body());
    Response list =
        http.send(
            http.sign(
                SdkHttpMethod.GET,
                "/" + BUCKET,
                params("list-type", "2", "prefix", key),
                Map.of(),
                null,
                Mode.SIGNED_PAYLOAD,
                Clock.systemUTC(),
                null));
    assertEquals(200, list.status(), list.text());
    assertTrue(list.text().contains("<Key>" + xmlEscape(key) + "</Key>"), list.text());
  }

  /**
   * S3 canonicalizes the decoded key, so a client may send {@code +}, {@code =}, {@code @} or
   * {@code :} unencoded in the path while signing the percent-encoded form; {@code +} in a path is
   * a plus, never a space.
   */
  @ParameterizedTest
  @ValueSource(strings = {"plus+literal", "eq=literal", "at@literal", "colon:literal"})
  void reservedCharactersLeftUnencodedInThePathAreLiteral(String key) {
    byte[] data = random(10, key.hashCode());
    Signed signed =
        http.sign(SdkHttpMethod.PUT, path(key), Map.of(), data)
            .withTarget("/" + BUCKET + "/" + key);
    Response r = http.send(signed);
    assertEquals(200, r.status(), r.text());
    Response got = get(key, Map.of());
    assertEquals(200, got.status(), got.text());
    assertArrayEquals(data, got.body());
  }

  @Test
  void repeatedAndEmptyQueryParametersAreSignedAndAccepted() {
    Response r =
        http.send(
            http.sign(
                SdkHttpMethod.GET,
                "/" + BUCKET,
                params(
                    "list-type",
                    "2",
                    "prefix",
                    "",
                    "delimiter",
                    "",
                    "x-custom",
                    "2",
                    "x-custom",
                    "1"),
                Map.of(),
                null,
                Mode.SIGNED_PAYLOAD,
                Clock.systemUTC(),
                null));
    assertEquals(200, r.status(), r.text());
    assertTrue(r.text().contains("<Key>healthy</Key>"), r.text());
    assertFalse(r.text().contains("<CommonPrefixes>"), r.text());
  }

  @Test
  void unknownChecksumHeaderDoesNotBreakAPut() {
    byte[] data = random(5_000, 6);
    Response r =
        put("unknown-checksum", data, Map.of("x-amz-checksum-foo", "bm90IGEgY2hlY2tzdW0="));
    assertEquals(200, r.status(), r.text());
    assertArrayEquals(data, get("unknown-checksum", Map.of()).body());
  }

  @Test
  void checksumModeOnARangedGetReturnsNoChecksum() {
    byte[] data = random(50_000, 7);
    CRC32 crc = new CRC32();
    crc.update(data);
    String crc32 =
        Base64.getEncoder()
            .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    Response put = put("ranged-sum", data, Map.of("x-amz-checksum-crc32", crc32));
    assertEquals(200, put.status(), put.text());
    assertEquals(crc32, put.header("x-amz-checksum-crc32").orElse(null));

    Response ranged =
        get("ranged-sum", Map.of("x-amz-checksum-mode", "ENABLED", "Range", "bytes=10-19"));
    assertEquals(206, ranged.status(), ranged.text());
    assertArrayEquals(Arrays.copyOfRange(data, 10, 20), ranged.body());
    assertTrue(ranged.header("x-amz-checksum-crc32").isEmpty(), ranged.headers().toString());

    Response full = get("ranged-sum", Map.of("x-amz-checksum-mode", "ENABLED"));
    assertEquals(crc32, full.header("x-amz-checksum-crc32").orElse(null));
  }

  @Test
  void wrongChecksumHeaderIsBadDigestAndNothingIsStored() {
    Response r = put("bad-sum", random(1_000, 8), Map.of("x-amz-checksum-crc32", "AAAAAA=="));
    assertError(r, 400, "BadDigest");
    assertAbsent("bad-sum");
  }

  // ---- the SDK's S3Presigner, consumed by java.net.http ----

  static S3Presigner presigner() {
    return S3Presigner.builder()
        .endpointOverride(gateway.endpoint())
        .region(Region.of(S3TestGateway.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3TestGateway.KEY_1, S3TestGateway.SECRET_1)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdk-presigned", "sdk presigned/\u00e9 +=@"})
  void s3PresignerPutAndGetWorkWithJavaNetHttpClient(String key) throws Exception {
    byte[] data = random(150_000, key.hashCode());
    try (S3Presigner presigner = presigner();
        HttpClient client = httpClient()) {
      PresignedPutObjectRequest put =
          presigner.presignPutObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .putObjectRequest(o -> o.bucket(BUCKET).key(key)));
      HttpRequest.Builder putRequest =
          HttpRequest.newBuilder(put.url().toURI())
              .PUT(HttpRequest.BodyPublishers.ofByteArray(data));
      put.signedHeaders().entrySet().stream()
          .filter(h -> !h.getKey().equalsIgnoreCase("host"))
          .forEach(h -> h.getValue().forEach(v -> putRequest.header(h.getKey(), v)));
      HttpResponse<String> putResponse =
          client.send(putRequest.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, putResponse.statusCode(), putResponse.body());

      PresignedGetObjectRequest get =
          presigner.presignGetObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .getObjectRequest(o -> o.bucket(BUCKET).key(key)));
      HttpResponse<byte[]> got =
          client.send(
              HttpRequest.newBuilder(get.url().toURI()).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, got.statusCode());
      assertArrayEquals(data, got.body());
    }
  }

  @Test
  void s3PresignedUrlUsedForAnotherMethodOrKeyIsSignatureDoesNotMatch() throws Exception {
    try (S3Presigner presigner = presigner();
        HttpClient client = httpClient()) {
      PresignedGetObjectRequest get =
          presigner.presignGetObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .getObjectRequest(o -> o.bucket(BUCKET).key("healthy")));
      HttpResponse<String> asPut =
          client.send(
              HttpRequest.newBuilder(get.url().toURI())
                  .PUT(HttpRequest.BodyPublishers.ofString("overwrite"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, asPut.statusCode());
      assertTrue(asPut.body().contains("<Code>SignatureDoesNotMatch</Code>"), asPut.body());
      String otherKey = get.url().toString().replace("/healthy?", "/other?");
      HttpResponse<String> moved =
          client.send(
              HttpRequest.newBuilder(java.net.URI.create(otherKey)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, moved.statusCode());
      assertTrue(moved.body().contains("<Code>SignatureDoesNotMatch</Code>"), moved.body());
    }
  }

  static String xmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  /**
   * Several requests on one kept-alive connection, sent in one write before any answer (pipelined):
   * answered in order, each whole, and the connection closes only after the last answer that asked
   * for it. A response is no longer awaited before the next request is read, so this pins the order
   * and completeness of answers.
   */
  @Test
  void pipelinedRequestsOnOneConnectionAreAnsweredInOrderAndWhole() throws Exception {
    byte[] small = random(3000, 41);
    byte[] large = random(3 << 20, 42); // segmented: several stripes, streamed
    assertEquals(200, put("pipe/small", small, Map.of()).status());
    assertEquals(200, put("pipe/large", large, Map.of()).status());
    List<String> keys =
        List.of("pipe/small", "pipe/large", "pipe/missing", "pipe/small", "pipe/large");
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < keys.size(); i++) {
      Signed signed = http.sign(SdkHttpMethod.GET, path(keys.get(i)), Map.of(), null);
      String head = new String(signed.head(), StandardCharsets.UTF_8);
      if (i < keys.size() - 1) {
        head = head.replace("Connection: close\r\n", "Connection: keep-alive\r\n");
      }
      wire.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    }
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(wire.toByteArray());
      socket.getOutputStream().flush();
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      for (String key : keys) {
        Response r = readOne(in);
        switch (key) {
          case "pipe/small" -> {
            assertEquals(200, r.status(), key);
            assertArrayEquals(small, r.body(), key);
          }
          case "pipe/large" -> {
            assertEquals(200, r.status(), key);
            assertArrayEquals(large, r.body(), key);
          }
          default -> assertError(r, 404, "NoSuchKey");
        }
      }
      assertEquals("close", readOneHeaderless(in), "the server closes after the last answer");
    }
  }

  /** One response with a Content-Length body from a kept-alive stream. */
  private static Response readOne(InputStream in) throws IOException {
    Response head = RawHttp.parse(readHead(in).getBytes(StandardCharsets.ISO_8859_1));
    int length = Integer.parseInt(head.header("Content-Length").orElse("0"));
    byte[] body = in.readNBytes(length);
    assertEquals(length, body.length, "whole body");
    return new Response(head.status(), head.headers(), body);
  }

  /** "close" if the stream ends here, else what follows. */
  private static String readOneHeaderless(InputStream in) throws IOException {
    int b = in.read();
    return b < 0 ? "close" : "more bytes: " + (char) b;
  }
}
