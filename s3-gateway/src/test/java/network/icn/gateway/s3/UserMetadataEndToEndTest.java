package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code x-amz-meta-*} with non-ASCII values, as S3 handles them: stored as Unicode, returned RFC
 * 2047-encoded ({@code =?UTF-8?B?…?=}) on GET and HEAD; names lowercased. The SDK neither encodes
 * nor decodes: a raw non-ASCII value fails its own signature (403 SignatureDoesNotMatch, as against
 * S3, aws-sdk-java-v2#2624), so callers send the encoded-word and decode the answer.
 */
class UserMetadataEndToEndTest {
  static final String BUCKET = "meta";
  static final String TEXT = "na\u00efve \u65e5\u672c";
  static final String ENCODED =
      "=?UTF-8?B?"
          + Base64.getEncoder().encodeToString(TEXT.getBytes(StandardCharsets.UTF_8))
          + "?=";

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static Map<String, String> putAndHead(String key, Map<String, String> metadata) {
    s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(metadata), RequestBody.fromString("x"));
    Map<String, String> head = s3.headObject(b -> b.bucket(BUCKET).key(key)).metadata();
    assertEquals(head, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).response().metadata());
    return head;
  }

  static String decodeB(String word) {
    String b64 = word.substring("=?UTF-8?B?".length(), word.length() - 2);
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  @Test
  void nonAsciiValuesComeBackAsUtf8EncodedWords() {
    Map<String, String> got = putAndHead("unicode", Map.of("greeting", ENCODED));
    assertEquals(Map.of("greeting", ENCODED), got);
    assertEquals(TEXT, decodeB(got.get("greeting")));
  }

  @Test
  void aQEncodedWordIsStoredDecodedAndReturnedBEncoded() {
    Map<String, String> got = putAndHead("q-word", Map.of("word", "=?utf-8?Q?na=C3=AFve_x?="));
    assertEquals("na\u00efve x", decodeB(got.get("word")));
  }

  @Test
  void asciiValuesAndAsciiEncodedWordsAreReturnedVerbatim() {
    Map<String, String> sent = Map.of("plain", "hello world", "ascii-word", "=?UTF-8?B?aGVsbG8=?=");
    assertEquals(sent, putAndHead("ascii", sent));
  }

  @Test
  void mixedCaseNamesAreLowercased() {
    Map<String, String> got = putAndHead("case", Map.of("MixedCase-Key", "v", "UPPER", "w"));
    assertEquals(Map.of("mixedcase-key", "v", "upper", "w"), got);
  }

  @Test
  void copyReplaceAndMultipartKeepUnicodeMetadata() {
    s3.putObject(b -> b.bucket(BUCKET).key("src"), RequestBody.fromString("x"));
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("src")
                .destinationBucket(BUCKET)
                .destinationKey("copied")
                .metadataDirective("REPLACE")
                .metadata(Map.of("greeting", ENCODED)));
    assertEquals(
        Map.of("greeting", ENCODED), s3.headObject(b -> b.bucket(BUCKET).key("copied")).metadata());

    String id =
        s3.createMultipartUpload(
                b -> b.bucket(BUCKET).key("mpu").metadata(Map.of("greeting", ENCODED)))
            .uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mpu").uploadId(id).partNumber(1),
                RequestBody.fromString("x"))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mpu")
                .uploadId(id)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertEquals(
        Map.of("greeting", ENCODED), s3.headObject(b -> b.bucket(BUCKET).key("mpu")).metadata());
  }

  @Test
  void theSdkSendingARawNonAsciiValueFailsItsSignatureAsAgainstS3() {
    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                s3.putObject(
                    b -> b.bucket(BUCKET).key("raw").metadata(Map.of("greeting", TEXT)),
                    RequestBody.fromString("x")));
    assertEquals(403, e.statusCode());
    assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
  }
}
