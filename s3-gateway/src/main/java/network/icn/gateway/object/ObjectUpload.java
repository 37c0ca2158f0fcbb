package network.icn.gateway.object;

import java.nio.ByteBuffer;
import network.icn.gateway.metadata.ObjectRecord;

/**
 * A PutObject in progress, fed by the caller: {@link #write} any number of times, then {@link
 * #complete()} (verify digests, commit) or {@link #abort()}. Not thread-safe.
 */
public interface ObjectUpload extends AutoCloseable {
  /** Consumes {@code data}'s remaining bytes; blocks while the slowest needed node catches up. */
  void write(ByteBuffer data);

  /** Verifies length and digests, commits atomically, and returns the committed record. */
  ObjectRecord complete();

  /** Gives up: nothing is committed and written shards are queued for deletion. Idempotent. */
  void abort();

  /** Aborts unless completed. */
  @Override
  default void close() {
    abort();
  }
}
