package network.icn.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Framing, bounds and failure behaviour of the incremental aws-chunked decoder. */
class AwsChunkedDecoderTest {
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static AwsChunkedDecoder unsigned(long declared, Bodies.Collector sink) {
    return new AwsChunkedDecoder(
        null,
        false,
        Set.of(),
        declared,
        BodyChecks.fromHeaders(RequestHeaders.of(), Optional.empty()).start(),
        sink);
  }

  private static AwsChunkedDecoder unsignedTrailer(long declared, Bodies.Collector sink) {
    return new AwsChunkedDecoder(
        null,
        false,
        Set.of("x-amz-checksum-crc32c"),
        declared,
        BodyChecks.fromHeaders(RequestHeaders.of(), Optional.of(ChecksumAlgorithm.CRC32C)).start(),
        sink);
  }

  private static AuthError failure(AwsChunkedDecoder decoder, String wire) {
    return assertThrows(
            AuthException.class,
            () -> {
              decoder.feed(ByteBuffer.wrap(ascii(wire)));
              decoder.finish();
            })
        .error();
  }

  @Test
  void decodesUnsignedChunksToTheDataOnly() {
    Bodies.Collector out = new Bodies.Collector();
    AwsChunkedDecoder decoder = unsigned(8, out);
    Bodies.feed(decoder, ascii("3\r\nabc\r\n5\r\ndefgh\r\n0\r\n\r\n"), 1);
    decoder.finish();
    assertArrayEquals(ascii("abcdefgh"), out.bytes());
    assertEquals(8, decoder.decodedLength());
  }

  @Test
  void verifiesAndExposesTheTrailer() {
    String crc = S3Checksum.base64(ChecksumAlgorithm.CRC32C, ascii("abc"));
    Bodies.Collector out = new Bodies.Collector();
    AwsChunkedDecoder decoder = unsignedTrailer(3, out);
    Bodies.feed(decoder, ascii("3\r\nabc\r\n0\r\nx-amz-checksum-crc32c:" + crc + "\r\n\r\n"), 2);
    decoder.finish();
    assertEquals(crc, decoder.trailers().get("x-amz-checksum-crc32c"));
    assertEquals(
        Optional.of(new VerifiedChecksum(ChecksumAlgorithm.CRC32C, crc)), decoder.checksum());
  }

  @Test
  void wrongTrailerChecksumIsBadDigest() {
    String crc = S3Checksum.base64(ChecksumAlgorithm.CRC32C, ascii("abd"));
    assertEquals(
        AuthError.BAD_DIGEST,
        failure(
            unsignedTrailer(3, new Bodies.Collector()),
            "3\r\nabc\r\n0\r\nx-amz-checksum-crc32c:" + crc + "\r\n\r\n"));
  }

  @Test
  void malformedTrailerChecksumIsInvalidRequest() {
    assertEquals(
        AuthError.INVALID_REQUEST,
        failure(
            unsignedTrailer(3, new Bodies.Collector()),
            "3\r\nabc\r\n0\r\nx-amz-checksum-crc32c:not-base64!\r\n\r\n"));
  }

  @Test
  void missingAnnouncedTrailerIsInvalidRequest() {
    assertEquals(
        AuthError.INVALID_REQUEST,
        failure(unsignedTrailer(3, new Bodies.Collector()), "3\r\nabc\r\n0\r\n\r\n"));
  }

  @Test
  void unannouncedTrailerIsRejected() {
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        failure(
            unsignedTrailer(3, new Bodies.Collector()), "3\r\nabc\r\n0\r\nx-amz-meta-a:b\r\n\r\n"));
  }

  @Test
  void chunkBiggerThanTheDeclaredLengthIsRejectedBeforeItsData() {
    AwsChunkedDecoder decoder = unsigned(10, new Bodies.Collector());
    AuthException e =
        assertThrows(AuthException.class, () -> decoder.feed(ByteBuffer.wrap(ascii("14\r\n"))));
    assertEquals(AuthError.INVALID_ARGUMENT, e.error());
  }

  @Test
  void chunkDataLongerThanItsSizeIsRejected() {
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        failure(unsigned(10, new Bodies.Collector()), "3\r\nabcd\r\n0\r\n\r\n"));
  }

  @Test
  void decodedLengthShorterThanDeclaredIsIncompleteBody() {
    assertEquals(
        AuthError.INCOMPLETE_BODY,
        failure(unsigned(10, new Bodies.Collector()), "3\r\nabc\r\n0\r\n\r\n"));
  }

  @Test
  void absurdChunkSizesAreRejected() {
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        failure(unsigned(10, new Bodies.Collector()), "10000000000000000\r\n"));
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        failure(unsigned(Long.MAX_VALUE, new Bodies.Collector()), "ffffffffffffffff\r\n"));
    assertEquals(
        AuthError.INVALID_ARGUMENT, failure(unsigned(10, new Bodies.Collector()), "-1\r\n"));
    assertEquals(AuthError.INVALID_ARGUMENT, failure(unsigned(10, new Bodies.Collector()), "\r\n"));
  }

  @Test
  void headerLinesAreBounded() {
    AwsChunkedDecoder decoder = unsigned(10, new Bodies.Collector());
    byte[] endless = Bodies.repeat('1', AwsChunkedDecoder.MAX_LINE + 1);
    AuthException e = assertThrows(AuthException.class, () -> Bodies.feed(decoder, endless, 100));
    assertEquals(AuthError.INVALID_ARGUMENT, e.error());
  }

  @Test
  void bareLineFeedsAreRejected() {
    assertEquals(
        AuthError.INVALID_ARGUMENT, failure(unsigned(3, new Bodies.Collector()), "3\nabc\r\n"));
  }

  @Test
  void bytesAfterTheFinalChunkAreRejected() {
    assertEquals(
        AuthError.INVALID_ARGUMENT,
        failure(unsigned(3, new Bodies.Collector()), "3\r\nabc\r\n0\r\n\r\nX"));
  }

  @Test
  void aFailedDecoderKeepsFailingWithTheSameError() {
    AwsChunkedDecoder decoder = unsigned(3, new Bodies.Collector());
    AuthException first =
        assertThrows(AuthException.class, () -> decoder.feed(ByteBuffer.wrap(ascii("zz\r\n"))));
    assertSame(first, assertThrows(AuthException.class, decoder::finish));
    assertSame(
        first, assertThrows(AuthException.class, () -> decoder.feed(ByteBuffer.wrap(ascii("0")))));
  }

  static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

  private static SdkSigner.Signed sdkTrailerUpload() {
    return new SdkSigner(Clock.fixed(NOW, ZoneOffset.UTC))
        .sign(
            SdkSigner.objectRequest(SdkHttpMethod.PUT, "k"),
            ascii("split me anywhere, please"),
            SdkSigner.Options.chunkedSigned(DefaultChecksumAlgorithm.CRC32C));
  }

  private static AuthenticatedRequest verified(SdkSigner.Signed signed) {
    return SigV4Verifier.forS3(
            Clock.fixed(NOW, ZoneOffset.UTC), id -> Optional.of(SdkSigner.SECRET), "us-east-1")
        .verify(signed.request());
  }

  @Test
  void signedTrailerBodySplitAtAnyTwoPositionsDecodes() {
    SdkSigner.Signed signed = sdkTrailerUpload();
    AuthenticatedRequest ok = verified(signed);
    byte[] wire = signed.wire();
    for (int i = 0; i <= wire.length; i++) {
      for (int j = i; j <= wire.length; j += 3) {
        Bodies.Collector out = new Bodies.Collector();
        BodyDecoder decoder = ok.openBody(out);
        decoder.feed(ByteBuffer.wrap(wire, 0, i));
        decoder.feed(ByteBuffer.wrap(wire, i, j - i));
        decoder.feed(ByteBuffer.wrap(wire, j, wire.length - j));
        decoder.finish();
        assertArrayEquals(ascii("split me anywhere, please"), out.bytes(), i + "/" + j);
      }
    }
  }

  @Test
  void truncatedBodiesFailCleanlyAtFinish() {
    SdkSigner.Signed signed = sdkTrailerUpload();
    AuthenticatedRequest ok = verified(signed);
    for (int length = 0; length < signed.wire().length; length++) {
      BodyDecoder decoder = ok.openBody(new Bodies.Collector());
      decoder.feed(ByteBuffer.wrap(signed.wire(), 0, length));
      AuthException e = assertThrows(AuthException.class, decoder::finish, "length " + length);
      assertEquals(AuthError.INCOMPLETE_BODY, e.error(), "length " + length);
    }
  }
}
