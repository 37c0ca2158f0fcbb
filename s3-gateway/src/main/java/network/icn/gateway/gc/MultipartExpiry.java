package network.icn.gateway.gc;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import network.icn.gateway.metadata.MetadataError;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.MultipartUploadRecord;

/**
 * The chore that aborts multipart uploads initiated more than {@code maxAge} ago (abandoned by
 * their clients): each abort removes the upload and its parts and queues their shards for deletion
 * in one batch, exactly like AbortMultipartUpload. Safe to re-run and to race a client's own
 * complete or abort (whichever commits first wins; the loser sees NO_SUCH_UPLOAD).
 */
public final class MultipartExpiry {
  private static final Logger LOG = System.getLogger(MultipartExpiry.class.getName());

  private final MetadataStore metadata;
  private final Clock clock;
  private final Duration maxAge;
  private final int batch;

  public MultipartExpiry(MetadataStore metadata, Clock clock, Duration maxAge, int batch) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1");
    }
    this.batch = batch;
  }

  /** Aborts up to one batch of expired uploads; returns how many it aborted. */
  public int runOnce() {
    int aborted = 0;
    for (MultipartUploadRecord upload :
        metadata.multipartUploadsInitiatedBefore(clock.instant().minus(maxAge), batch)) {
      try {
        metadata.abortMultipartUpload(upload.bucket(), upload.key(), upload.uploadId());
        aborted++;
      } catch (MetadataException e) {
        if (e.error() != MetadataError.NO_SUCH_UPLOAD) {
          throw e;
        }
      }
    }
    if (aborted > 0) {
      LOG.log(Level.INFO, "aborted {0} multipart uploads older than {1}", aborted, maxAge);
    }
    return aborted;
  }
}
