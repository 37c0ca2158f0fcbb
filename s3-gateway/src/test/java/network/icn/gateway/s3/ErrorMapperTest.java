package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import network.icn.erasure.ErasureError;
import network.icn.erasure.ErasureException;
import network.icn.gateway.auth.AuthError;
import network.icn.gateway.auth.AuthException;
import network.icn.gateway.metadata.MetadataError;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.object.ObjectError;
import network.icn.gateway.object.ObjectException;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
  static S3Error map(Throwable t) {
    return ErrorMapper.map(t).error();
  }

  @Test
  void everyAuthErrorKeepsItsS3CodeAndStatus() {
    for (AuthError e : AuthError.values()) {
      S3Error mapped = map(new AuthException(e, "m"));
      assertEquals(e.s3Code(), mapped.code(), e.name());
      assertEquals(e.httpStatus(), mapped.status(), e.name());
    }
  }

  @Test
  void quorumFailuresAreRetryable503() {
    assertEquals(
        S3Error.SERVICE_UNAVAILABLE,
        map(new ObjectException(ObjectError.WRITE_QUORUM_NOT_MET, "x")));
    assertEquals(
        S3Error.SERVICE_UNAVAILABLE,
        map(new ObjectException(ObjectError.READ_QUORUM_NOT_MET, "x")));
    assertEquals(
        S3Error.SLOW_DOWN,
        map(
            new ObjectException(
                ObjectError.PLACEMENT_FAILED,
                "x",
                new PlacementException(PlacementError.NOT_ENOUGH_NODES, "y"))));
    assertEquals(
        S3Error.SERVICE_UNAVAILABLE,
        map(new ErasureException(ErasureError.NOT_ENOUGH_SHARDS, "x")));
    assertTrue(
        ErrorMapper.map(new ObjectException(ObjectError.READ_QUORUM_NOT_MET, "x")).serverFault());
  }

  @Test
  void objectAndMetadataErrorsMapToTheirS3Codes() {
    assertEquals(S3Error.NO_SUCH_KEY, map(new ObjectException(ObjectError.NO_SUCH_KEY, "x")));
    assertEquals(S3Error.INVALID_RANGE, map(new ObjectException(ObjectError.INVALID_RANGE, "x")));
    assertEquals(
        S3Error.PRECONDITION_FAILED,
        map(new ObjectException(ObjectError.PRECONDITION_FAILED, "x")));
    assertEquals(S3Error.BAD_DIGEST, map(new ObjectException(ObjectError.BAD_DIGEST, "x")));
    assertEquals(
        S3Error.BUCKET_NOT_EMPTY, map(new MetadataException(MetadataError.BUCKET_NOT_EMPTY, "x")));
    assertEquals(
        S3Error.BUCKET_ALREADY_EXISTS,
        map(new MetadataException(MetadataError.BUCKET_ALREADY_EXISTS, "x")));
    assertEquals(
        S3Error.BUCKET_ALREADY_OWNED_BY_YOU,
        map(new MetadataException(MetadataError.BUCKET_ALREADY_OWNED_BY_YOU, "x")));
    assertEquals(
        S3Error.ACCESS_DENIED,
        map(
            new ObjectException(
                ObjectError.PLACEMENT_FAILED,
                "x",
                new PlacementException(PlacementError.BOOKING_EXCEEDED, "y"))));
  }

  @Test
  void everyEnumValueOfEveryLayerMaps() {
    Arrays.stream(ObjectError.values()).forEach(e -> map(new ObjectException(e, "x")));
    Arrays.stream(MetadataError.values()).forEach(e -> map(new MetadataException(e, "x")));
    Arrays.stream(PlacementError.values()).forEach(e -> map(new PlacementException(e, "x")));
    Arrays.stream(ErasureError.values()).forEach(e -> map(new ErasureException(e, "x")));
  }

  @Test
  void unknownFailuresAreInternalErrorsWithoutTheirMessage() {
    ErrorMapper.Mapped m = ErrorMapper.map(new IllegalStateException("node 0xabc disk /x"));
    assertEquals(S3Error.INTERNAL_ERROR, m.error());
    assertEquals(500, m.error().status());
    assertEquals(S3Error.INTERNAL_ERROR.defaultMessage(), m.message());
  }

  @Test
  void errorDocumentHasCodeMessageResourceRequestIdEscaped() {
    String xml =
        new String(
            ErrorXml.render(S3Error.NO_SUCH_KEY, "no <key> & \"x\"", "/b/a&b\u0001", "REQ1"),
            StandardCharsets.UTF_8);
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Error><Code>NoSuchKey</Code><Message>no &lt;key&gt; &amp; &quot;x&quot;</Message>"
            + "<Resource>/b/a&amp;b&#x1;</Resource><RequestId>REQ1</RequestId></Error>",
        xml);
  }

  @Test
  void statusesAreS3s() {
    assertEquals(416, S3Error.INVALID_RANGE.status());
    assertEquals(412, S3Error.PRECONDITION_FAILED.status());
    assertEquals(501, S3Error.NOT_IMPLEMENTED.status());
    assertEquals(503, S3Error.SLOW_DOWN.status());
    assertEquals(409, S3Error.BUCKET_NOT_EMPTY.status());
    assertEquals("KeyTooLongError", S3Error.KEY_TOO_LONG.code());
    assertEquals(400, S3Error.REQUEST_HEADER_SECTION_TOO_LARGE.status());
    assertEquals("MaxMessageLengthExceeded", S3Error.MAX_MESSAGE_LENGTH_EXCEEDED.code());
    assertEquals(400, S3Error.INVALID_PART.status());
    assertEquals("InvalidPartOrder", S3Error.INVALID_PART_ORDER.code());
  }
}
