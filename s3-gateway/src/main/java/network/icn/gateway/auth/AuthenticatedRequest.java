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

  /** A decoder for this request's body that hands the object bytes to {@code sink}. */
  public BodyDecoder openBody(Consumer<ByteBuffer> sink) {
    return bodies.open(Objects.requireNonNull(sink, "sink"));
  }

  /** Opens one body decoder per call. */
  @FunctionalInterface
  public interface BodyDecoderFactory {
    BodyDecoder open(Consumer<ByteBuffer> sink);
  }
}
