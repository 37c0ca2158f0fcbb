package network.icn.conformance.sdk;

import static network.icn.conformance.sdk.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import network.icn.conformance.Clients.Checksums;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * PutObject, GetObject, HeadObject, DeleteObject: bodies from zero bytes to several erasure
 * segments, content headers and user metadata, overwrites, digests, and keys with Unicode and
 * reserved characters, in all eight client modes.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ObjectOperationsTest {
  /** Inline (≤ 4 KiB in-process), one stripe, several stripes, more than one 1 MiB segment. */
  private static final int[] SIZES = {0, 1, 1000, 70_000, 300_000, 1_300_000};

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("objects");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void putGetHeadDeleteRoundTripEverySize(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    for (int size : SIZES) {
      String key = "round-trip/" + mode.id() + "/" + size;
      byte[] body = Bodies.random(size, size);

      PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), body);
      assertEquals(Bodies.etag(body), put.eTag(), key);
      if (mode.checksums() == Checksums.WHEN_SUPPORTED) {
        // The SDK sends a CRC32 by default; S3 echoes the value it verified.
        assertEquals(crc32(body), put.checksumCRC32(), key);
      }

      ResponseBytes<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key(key));
      assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()), key);
      assertEquals(size, got.response().contentLength(), key);
      assertEquals(Bodies.etag(body), got.response().eTag(), key);
      assertEquals(200, got.response().sdkHttpResponse().statusCode());

      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
      assertEquals(size, head.contentLength(), key);
      assertEquals(Bodies.etag(body), head.eTag(), key);
      assertNotNull(head.lastModified());

      assertEquals(
          204, s3.deleteObject(b -> b.bucket(bucket).key(key)).sdkHttpResponse().statusCode());
      assertS3Error(404, "NoSuchKey", () -> s3.getObject(b -> b.bucket(bucket).key(key)));
      NoSuchKeyException missing =
          assertThrows(
              NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
      assertEquals(404, missing.statusCode());
    }
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void aZeroByteObjectHasTheEmptyMd5AndIsListed(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "empty/" + mode.id();

    PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), new byte[0]);

    assertEquals("\"d41d8cd98f00b204e9800998ecf8427e\"", put.eTag());
    ResponseBytes<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key(key));
    assertEquals(0, got.asByteArray().length);
    assertEquals(0L, got.response().contentLength());
    assertEquals(0L, s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
    List<S3Object> listed = s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents();
    assertEquals(1, listed.size());
    assertEquals(0L, listed.get(0).size());
    assertEquals("\"d41d8cd98f00b204e9800998ecf8427e\"", listed.get(0).eTag());
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void contentHeadersAndUserMetadataRoundTrip(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "metadata/" + mode.id();
    byte[] body = Bodies.random(7, 5000);
    Instant expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(key)
                .contentType("application/x-conformance; charset=utf-8")
                .cacheControl("max-age=3600, private")
                .contentDisposition("attachment; filename=\"report.bin\"")
                .contentEncoding("x-conformance")
                .contentLanguage("de-CH")
                .expires(expires)
                .metadata(Map.of("color", "blue", "Mixed-Case", "Value With  Spaces")),
        body);

    ResponseBytes<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key(key));
    GetObjectResponse g = got.response();
    HeadObjectResponse h = s3.headObject(b -> b.bucket(bucket).key(key));
    List<String> expected =
        List.of(
            "application/x-conformance; charset=utf-8",
            "max-age=3600, private",
            "attachment; filename=\"report.bin\"",
            "x-conformance",
            "de-CH",
            expires.toString(),
            // S3 lower-cases metadata names (x-amz-meta-* headers); values are kept as sent.
            new TreeMap<>(Map.of("color", "blue", "mixed-case", "Value With  Spaces")).toString());
    assertEquals(
        expected,
        List.of(
            g.contentType(),
            g.cacheControl(),
            g.contentDisposition(),
            g.contentEncoding(),
            g.contentLanguage(),
            String.valueOf(g.expires()),
            new TreeMap<>(g.metadata()).toString()),
        "GET");
    assertEquals(
        expected,
        List.of(
            h.contentType(),
            h.cacheControl(),
            h.contentDisposition(),
            h.contentEncoding(),
            h.contentLanguage(),
            String.valueOf(h.expires()),
            new TreeMap<>(h.metadata()).toString()),
        "HEAD");
    assertEquals(Bodies.sha256(body), Bodies.sha256(got.asByteArray()));

    // response-* query parameters override the stored headers on this GET only.
    ResponseBytes<GetObjectResponse> overridden =
        s3.getObject(
            b ->
                b.bucket(bucket)
                    .key(key)
                    .responseContentType("text/plain")
                    .responseContentDisposition("inline")
                    .responseCacheControl("no-store"));
    assertEquals("text/plain", overridden.response().contentType());
    assertEquals("inline", overridden.response().contentDisposition());
    assertEquals("no-store", overridden.response().cacheControl());
    assertEquals(
        "application/x-conformance; charset=utf-8",
        s3.headObject(b -> b.bucket(bucket).key(key)).contentType());
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void anOverwriteReplacesBodyAndMetadata(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "overwrite/" + mode.id();
    byte[] first = Bodies.random(1, 90_000);
    byte[] second = Bodies.random(2, 2_000);
    s3.putObject(
        b -> b.bucket(bucket).key(key).contentType("image/png").metadata(Map.of("v", "1")), first);

    s3.putObject(b -> b.bucket(bucket).key(key), second);

    ResponseBytes<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key(key));
    assertEquals(Bodies.sha256(second), Bodies.sha256(got.asByteArray()));
    assertEquals(Map.of(), got.response().metadata());
    assertNotEquals(
        "image/png", got.response().contentType(), "the first write's content type survived");
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void aBodyThatFailsItsDigestIs400BadDigestAndNothingIsStored(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String key = "bad-digest/" + mode.id();
    byte[] body = Bodies.random(3, 100_000);
    String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);

    assertS3Error(
        400,
        "BadDigest",
        () -> s3.putObject(b -> b.bucket(bucket).key(key).contentMD5(wrongMd5), body));
    assertS3Error(
        400,
        "BadDigest",
        () -> s3.putObject(b -> b.bucket(bucket).key(key).checksumCRC32(crc32(new byte[1])), body));

    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#all")
  void keysWithUnicodeAndReservedCharactersRoundTripAndList(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    String prefix = "keys-" + mode.id() + "/";
    List<String> keys =
        List.of(
            prefix + "ünïcødé/日本語/😀.txt",
            prefix + "caf\u00e9",
            prefix + "cafe\u0301", // NFD: a different key from the NFC one above
            prefix + "spaces and+plus/a b+c.txt",
            prefix + "reserved/!$&'()*,;=:@[]",
            prefix + "percent/100% done %2F not a slash",
            prefix + "query/?x=1&y=2#fragment",
            prefix + "xml/<tag attr=\"v\">&amp;</tag>",
            prefix + "tilde/~user/.hidden",
            prefix + "slashes//double///triple",
            prefix + "dots/../up/./here/..",
            prefix + "trailing/slash/");
    for (String key : keys) {
      s3.putObject(b -> b.bucket(bucket).key(key), key.getBytes(StandardCharsets.UTF_8));
    }

    for (String key : keys) {
      assertEquals(key, s3.getObject(b -> b.bucket(bucket).key(key)).asUtf8String(), key);
      assertEquals(
          key.getBytes(StandardCharsets.UTF_8).length,
          s3.headObject(b -> b.bucket(bucket).key(key)).contentLength(),
          key);
    }
    List<String> sorted = keys.stream().sorted(ObjectOperationsTest::utf8Order).toList();
    assertEquals(
        sorted,
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
            .map(S3Object::key)
            .toList());
    assertEquals(
        sorted,
        s3
            .listObjectsV2(b -> b.bucket(bucket).prefix(prefix).encodingType(EncodingType.URL))
            .contents()
            .stream()
            .map(S3Object::key)
            .toList(),
        "with encoding-type=url (the SDK decodes the keys)");

    // A special key as a copy source (x-amz-copy-source is URL-encoded) and as a copy target.
    String source = keys.get(4);
    String target = keys.get(0) + ".copy";
    s3.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey(source)
                .destinationBucket(bucket)
                .destinationKey(target));
    assertEquals(source, s3.getObject(b -> b.bucket(bucket).key(target)).asUtf8String());

    for (String key : keys) {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
      assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
    }
    s3.deleteObject(b -> b.bucket(bucket).key(target));
    assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).keyCount());

    // A key may start with a slash: the request path then holds "//".
    String leading = "/" + prefix + "leading";
    s3.putObject(b -> b.bucket(bucket).key(leading), new byte[] {7});
    assertEquals(1, s3.getObject(b -> b.bucket(bucket).key(leading)).asByteArray().length);
    assertEquals(
        List.of(leading),
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("/" + prefix)).contents().stream()
            .map(S3Object::key)
            .toList());
    s3.deleteObject(b -> b.bucket(bucket).key(leading));
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key(leading)));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void keysUpTo1024BytesAreAcceptedLongerOnesAre400KeyTooLongError(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    // 'é' is two bytes in UTF-8: 1 + 511 × 2 + 1 = 1024 bytes.
    String longest = "k" + "é".repeat(511) + "k";
    assertEquals(1024, longest.getBytes(StandardCharsets.UTF_8).length);
    s3.putObject(b -> b.bucket(bucket).key(longest), new byte[] {1});
    assertEquals(1, s3.getObject(b -> b.bucket(bucket).key(longest)).asByteArray().length);
    s3.deleteObject(b -> b.bucket(bucket).key(longest));

    String tooLong = longest + "x";
    assertS3Error(
        400,
        "KeyTooLongError",
        () -> s3.putObject(b -> b.bucket(bucket).key(tooLong), new byte[] {1}));
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void deletingAMissingKeyIs204(Mode mode) {
    S3Ops s3 = fx.ops(mode);
    assertEquals(
        204,
        s3.deleteObject(b -> b.bucket(bucket).key("never-written/" + mode.id()))
            .sdkHttpResponse()
            .statusCode());
    assertNull(
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("never-written/")).contents().stream()
            .findAny()
            .orElse(null));
  }

  /** The base64 of the big-endian CRC32, as in {@code x-amz-checksum-crc32}. */
  static String crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** S3 lists keys in the binary order of their UTF-8 bytes. */
  static int utf8Order(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
