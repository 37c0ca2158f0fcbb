package network.icn.gateway.object;

import java.nio.ByteBuffer;
import java.util.Optional;
import network.icn.gateway.metadata.ObjectRecord;

/**
 * A PutObject in progress, fed by the caller: {@link #write} any number of times, then {@link
 * #complete()} (verify digests, commit) or {@link #abort()}. Not thread-safe.
 */
public interface ObjectUpload extends AutoCloseable {
  /** Consumes {@code data}'s remaining bytes; blocks while the slowest needed node catches up. */
  void write(ByteBuffer data);

  /** Verifies length and digests, commits atomically, and returns the committed record. */
  default ObjectRecord complete() {
    return complete(Optional.empty());
  }

  /**
   * Like {@link #complete()}, with the checksum value that arrived only after the body (an
   * aws-chunked trailer): it is compared, like a value given up front in the request, with the
   * checksum this upload computed in its single pass (the request must name the algorithm); a
   * mismatch fails with BAD_DIGEST and commits nothing.
   */
  ObjectRecord complete(Optional<String> lateExpectedChecksum);

  /** Gives up: nothing is committed and written shards are queued for deletion. Idempotent. */
  void abort();

  /** Aborts unless completed. */
  @Override
  default void close() {
    abort();
  }
}
