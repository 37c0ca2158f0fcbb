package network.icn.gateway.s3;

import static network.icn.gateway.s3.RawHttp.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import network.icn.gateway.s3.RawHttp.Mode;
import network.icn.gateway.s3.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DeleteObjects through the server: the SDK (default checksums) and raw signed XML bodies. */
class DeleteObjectsEndToEndTest {
  static final String BUCKET = "batch";

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;
  static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    http = new RawHttp(gateway.port(), S3TestGateway.KEY_1, S3TestGateway.SECRET_1);
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static void put(String... keys) {
    for (String k : keys) {
      s3.putObject(b -> b.bucket(BUCKET).key(k), RequestBody.fromString(k));
    }
  }

  static boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(BUCKET).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  static ObjectIdentifier id(String key) {
    return ObjectIdentifier.builder().key(key).build();
  }

  static Response post(String xml, Map<String, String> headers) {
    return http.send(
        http.sign(
            SdkHttpMethod.POST,
            "/" + BUCKET,
            params("delete", ""),
            headers,
            xml.getBytes(StandardCharsets.UTF_8),
            Mode.SIGNED_PAYLOAD,
            Clock.systemUTC(),
            null));
  }

  static String deleteXml(String... keys) {
    StringBuilder b = new StringBuilder("<Delete>");
    for (String k : keys) {
      b.append("<Object><Key>").append(k).append("</Key></Object>");
    }
    return b.append("</Delete>").toString();
  }

  @Test
  void sdkDeleteObjectsReportsEveryKeyAndMissingKeysCountAsDeleted() {
    put("a", "b/c", "d e+f");
    DeleteObjectsResponse r =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(d -> d.objects(id("a"), id("b/c"), id("d e+f"), id("never-there"))));
    assertEquals(
        List.of("a", "b/c", "d e+f", "never-there"),
        r.deleted().stream().map(DeletedObject::key).toList());
    assertTrue(r.errors().isEmpty(), r.errors().toString());
    for (String k : List.of("a", "b/c", "d e+f")) {
      assertTrue(!exists(k), k);
    }
  }

  @Test
  void quietModeReportsOnlyErrors() {
    put("quiet-1", "quiet-2");
    DeleteObjectsResponse r =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.quiet(true)
                                .objects(
                                    id("quiet-1"),
                                    ObjectIdentifier.builder()
                                        .key("quiet-2")
                                        .versionId("3HL4kqtJlcpXroDTDmJ")
                                        .build())));
    assertTrue(r.deleted().isEmpty(), r.deleted().toString());
    assertEquals(1, r.errors().size());
    S3Error error = r.errors().getFirst();
    assertEquals("quiet-2", error.key());
    assertEquals("InvalidArgument", error.code());
    assertEquals("Invalid version id specified", error.message());
    assertTrue(!exists("quiet-1"));
    assertTrue(exists("quiet-2"), "a failed key is left alone");
  }

  @Test
  void nullVersionIdDeletesAndIsEchoed() {
    put("versioned-null");
    DeleteObjectsResponse r =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder()
                                    .key("versioned-null")
                                    .versionId("null")
                                    .build())));
    assertEquals("null", r.deleted().getFirst().versionId());
    assertTrue(!exists("versioned-null"));
  }

  @Test
  void etagIsAPerKeyConditionAndOtherKeysStillGo() {
    put("cond-1", "cond-2");
    String etag = s3.headObject(b -> b.bucket(BUCKET).key("cond-1")).eTag();
    DeleteObjectsResponse r =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder().key("cond-1").eTag("\"nope\"").build(),
                                id("cond-2"))));
    assertEquals(List.of("cond-2"), r.deleted().stream().map(DeletedObject::key).toList());
    assertEquals("PreconditionFailed", r.errors().getFirst().code());
    assertTrue(exists("cond-1"));
    s3.deleteObjects(
        b ->
            b.bucket(BUCKET)
                .delete(
                    d -> d.objects(ObjectIdentifier.builder().key("cond-1").eTag(etag).build())));
    assertTrue(!exists("cond-1"));
  }

  @Test
  void tooLongKeyIsAPerKeyError() {
    DeleteObjectsResponse r =
        s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(id("k".repeat(1025)))));
    assertEquals("KeyTooLongError", r.errors().getFirst().code());
  }

  @Test
  void moreThan1000KeysIsMalformedXml() {
    String[] keys = new String[1001];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "k" + i;
    }
    Response r = post(deleteXml(keys), Map.of());
    assertEquals(400, r.status(), r.text());
    assertEquals("MalformedXML", r.code());
    assertEquals(200, post(deleteXml(java.util.Arrays.copyOf(keys, 1000)), Map.of()).status());
  }

  @Test
  void malformedOrHostileXmlIsMalformedXmlAndDeletesNothing() {
    put("survivor");
    for (String xml :
        List.of(
            "<Delete><Object><Key>survivor</Key></Object>",
            "<Delete></Delete>",
            "<Delete><Object><Key>survivor</Key></Object><Quiet>maybe</Quiet></Delete>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Delete><Object><Key>&x;</Key></Object></Delete>",
            "")) {
      Response r = post(xml, Map.of());
      assertEquals(400, r.status(), xml + " -> " + r.text());
      assertEquals("MalformedXML", r.code(), xml);
    }
    assertTrue(exists("survivor"));
  }

  @Test
  void bodyOverTheLimitIsMaxMessageLengthExceeded() {
    String padding = "<!--" + "x".repeat(DeleteObjectsXml.MAX_BODY_BYTES) + "-->";
    Response r = post(deleteXml("whatever") + padding, Map.of());
    assertEquals(400, r.status(), r.text());
    assertEquals("MaxMessageLengthExceeded", r.code());
    Response next = post(deleteXml("whatever"), Map.of());
    assertEquals(200, next.status(), next.text());
  }

  @Test
  void contentMd5IsOptionalButVerifiedWhenSent() throws Exception {
    put("md5-1");
    String xml = deleteXml("md5-1");
    Response wrong = post(xml, Map.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="));
    assertEquals(400, wrong.status(), wrong.text());
    assertEquals("BadDigest", wrong.code());
    assertTrue(exists("md5-1"));
    String md5 =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("MD5").digest(xml.getBytes(StandardCharsets.UTF_8)));
    Response right = post(xml, Map.of("Content-MD5", md5));
    assertEquals(200, right.status(), right.text());
    assertTrue(right.text().contains("<Deleted><Key>md5-1</Key></Deleted>"), right.text());
    assertTrue(!exists("md5-1"));
  }

  @Test
  void wrongChecksumHeaderIsBadDigestAndDeletesNothing() {
    put("sum-1");
    Response r = post(deleteXml("sum-1"), Map.of("x-amz-checksum-crc32", "AAAAAA=="));
    assertEquals(400, r.status(), r.text());
    assertEquals("BadDigest", r.code());
    assertTrue(exists("sum-1"));
  }

  @Test
  void resultDocumentIsInTheS3NamespaceAndEscapesKeys() {
    put("x&y");
    Response r =
        post(
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>x&amp;y</Key>"
                + "</Object></Delete>",
            Map.of());
    assertEquals(200, r.status(), r.text());
    assertEquals("application/xml", r.header("Content-Type").orElse(""));
    assertTrue(
        r.text()
            .contains(
                "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Deleted><Key>x&amp;y</Key></Deleted></DeleteResult>"),
        r.text());
  }

  @Test
  void missingOrForeignBucketFailsTheWholeRequest() {
    S3Exception missing =
        assertThrows(
            S3Exception.class,
            () ->
                s3.deleteObjects(b -> b.bucket("no-such-bucket").delete(d -> d.objects(id("a")))));
    assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
    S3Client other = gateway.client(true, S3TestGateway.KEY_2, S3TestGateway.SECRET_2);
    put("owned");
    S3Exception denied =
        assertThrows(
            S3Exception.class,
            () -> other.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(id("owned")))));
    assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    assertTrue(exists("owned"));
  }
}
