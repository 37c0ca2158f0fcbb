package network.icn.gateway.object;

import java.nio.ByteBuffer;
import network.icn.gateway.metadata.PartRecord;

/**
 * An UploadPart in progress, fed by the caller like {@link ObjectUpload}: {@link #write} any number
 * of times, then {@link #complete()} (verify, record the part) or {@link #abort()}. Not
 * thread-safe.
 */
public interface PartUpload extends AutoCloseable {
  void write(ByteBuffer data);

  /** Verifies length and digests, records the part atomically and returns it. */
  PartRecord complete();

  /** Gives up: nothing is recorded and written shards are queued for deletion. Idempotent. */
  void abort();

  @Override
  default void close() {
    abort();
  }
}
