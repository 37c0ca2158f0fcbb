package network.icn.gateway.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import network.icn.gateway.auth.BodyDecoder;

/**
 * Reads small request bodies (XML documents) whole, through the SigV4 {@link BodyDecoder}: the
 * payload hash or chunk signatures, {@code Content-MD5} and any {@code x-amz-checksum-*} are
 * verified before the caller sees a byte.
 */
final class RequestBodies {
  private RequestBodies() {}

  /**
   * The decoded body, at most {@code limit} bytes.
   *
   * @throws S3Exception MaxMessageLengthExceeded when the body is (or is declared) longer
   */
  static byte[] readVerified(S3Request request, int limit) {
    OptionalLong declared = request.auth().objectLength();
    if (declared.isPresent() && declared.getAsLong() > limit) {
      throw tooBig(limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyDecoder decoder =
        request
            .auth()
            .openBody(
                (ByteBuffer slice) -> {
                  if (out.size() + (long) slice.remaining() > limit) {
                    throw tooBig(limit);
                  }
                  byte[] bytes = new byte[slice.remaining()];
                  slice.get(bytes);
                  out.write(bytes, 0, bytes.length);
                });
    request.exchange().readBody(decoder::feed);
    decoder.finish();
    return out.toByteArray();
  }

  private static S3Exception tooBig(int limit) {
    return new S3Exception(
        S3Error.MAX_MESSAGE_LENGTH_EXCEEDED,
        "Your request was too big (the limit is " + limit + " bytes).");
  }
}
