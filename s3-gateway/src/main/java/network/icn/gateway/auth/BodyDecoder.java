package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies (and for aws-chunked, decodes) a request body as it streams. The HTTP layer feeds the
 * wire bytes in whatever slices arrive, then calls {@link #finish()}; the decoder hands the object
 * bytes, and only those, to the sink it was opened with.
 *
 * <p>Bytes reach the sink before the checks that cover them complete (a chunk signature is known
 * only at the chunk's end, a SHA-256 or trailer checksum only at the body's end): the caller must
 * treat the object as written only after {@code finish()} returns, and discard it on any {@link
 * AuthException}. Slices given to the sink are views of the fed buffer, valid during the call.
 * After a failure every further call throws the same exception. Not thread-safe.
 */
public sealed interface BodyDecoder permits PlainBodyDecoder, AwsChunkedDecoder {
  /** Consumes all remaining bytes of {@code wire}. */
  void feed(ByteBuffer wire);

  /** Declares the end of the body and runs the end-of-body checks. */
  void finish();

  /** Object bytes emitted so far. */
  long decodedLength();

  /** The aws-chunked trailers (lowercased names, signature excluded); empty otherwise. */
  Map<String, String> trailers();

  /** The client's checksum, once {@link #finish()} has verified it. */
  Optional<VerifiedChecksum> checksum();
}
