package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import network.icn.gateway.s3.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * CompleteMultipartUpload bodies that are not a valid completion document, sent signed over a plain
 * socket: each is {@code 400 MalformedXML} with an S3 error document, and nothing is committed —
 * the upload is still listed and completes afterwards with a correct body.
 */
class CompleteMultipartMalformedXmlTest {
  static final String BUCKET = "malformed";

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

  static final String NOT_XML = "this is not xml at all";
  static final String XXE =
      "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
          + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&xxe;</ETag></Part>"
          + "</CompleteMultipartUpload>";
  static final String NO_ETAG =
      "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>";
  static final String PART_NUMBER_NOT_A_NUMBER =
      "<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>ETAG</ETag></Part>"
          + "</CompleteMultipartUpload>";
  static final String TRUNCATED =
      "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>ETAG</ETag>";

  @ParameterizedTest
  @ValueSource(strings = {NOT_XML, XXE, NO_ETAG, PART_NUMBER_NOT_A_NUMBER, TRUNCATED})
  void aMalformedCompletionIsMalformedXmlAndCommitsNothing(String document) {
    String key = "doc-" + Integer.toHexString(document.hashCode());
    byte[] data = "the only part".getBytes(StandardCharsets.UTF_8);
    String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(data))
            .eTag();

    byte[] body = document.replace("ETAG", etag).getBytes(StandardCharsets.UTF_8);
    Response r =
        http.send(
            http.sign(
                SdkHttpMethod.POST,
                "/" + BUCKET + "/" + key,
                List.of(Map.entry("uploadId", id)),
                Map.of("Content-Type", "application/xml"),
                body,
                RawHttp.Mode.SIGNED_PAYLOAD,
                Clock.systemUTC(),
                null));
    assertEquals(400, r.status(), r.text());
    assertTrue(r.text().contains("<Code>MalformedXML</Code>"), r.text());
    assertTrue(r.text().contains("<RequestId>"), r.text());
    assertTrue(!r.text().contains("root:"), "no entity was resolved");

    assertTrue(
        s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(key)).uploads().stream()
            .anyMatch(u -> u.uploadId().equals(id)),
        "the upload is still listed");
    assertEquals(1, s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(id)).parts().size());
    org.junit.jupiter.api.Assertions.assertThrows(
        NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket(BUCKET).key(key)));

    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .uploadId(id)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
  }
}
