package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A request whose signature checked out. The tenant is the caller's to look up from the access key
 * id; the body still has to be run through {@link #openBody(Consumer)}.
 *
 * @param accessKeyId the verified access key id
 * @param signature the parsed signature (scope, signed headers, location)
 * @param payloadMode how the body is protected
 * @param objectLength the object's length when known before the body: {@code
 *     x-amz-decoded-content-length} for aws-chunked, else {@code Content-Length}
 * @param bodies opens the body verifier/decoder
 */
public record AuthenticatedRequest(
    String accessKeyId,
    SignatureRequest signature,
    PayloadMode payloadMode,
    OptionalLong objectLength,
    BodyDecoderFactory bodies) {
  public AuthenticatedRequest {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(payloadMode, "payloadMode");
    Objects.requireNonNull(objectLength, "objectLength");
    Objects.requireNonNull(bodies, "bodies");
  }

  /**
   * A decoder for this request's body that hands the object bytes to {@code sink} and verifies
   * everything: framing, chunk and trailer signatures, the payload SHA-256, {@code Content-MD5} and
   * any {@code x-amz-checksum-*} value.
   */
  public BodyDecoder openBody(Consumer<ByteBuffer> sink) {
    return bodies.open(Objects.requireNonNull(sink, "sink"), true);
  }

  /**
   * Like {@link #openBody} but leaves {@code Content-MD5} and the {@code x-amz-checksum-*} value
   * (header or trailer) to the caller, which must verify them against digests it computes itself
   * before committing anything: the object layer hashes every byte once for MD5 and the S3
   * checksum, so hashing here too would do the same work twice. A trailer checksum is still
   * required and format-checked; its value is in {@link BodyDecoder#trailers()}.
   */
  public BodyDecoder openBodyDeferringDigests(Consumer<ByteBuffer> sink) {
    return bodies.open(Objects.requireNonNull(sink, "sink"), false);
  }

  /** Opens one body decoder per call. */
  @FunctionalInterface
  public interface BodyDecoderFactory {
    BodyDecoder open(Consumer<ByteBuffer> sink, boolean verifyDigests);
  }
}
