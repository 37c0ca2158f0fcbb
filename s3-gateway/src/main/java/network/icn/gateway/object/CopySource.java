package network.icn.gateway.object;

import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.metadata.Precondition;

/**
 * The {@code x-amz-copy-source} of a CopyObject or UploadPartCopy.
 *
 * @param range the source bytes to copy ({@code x-amz-copy-source-range}, UploadPartCopy only)
 * @param precondition {@code x-amz-copy-source-if-match} / {@code -if-none-match}, checked on the
 *     source record before any byte is read
 */
public record CopySource(
    String bucket, String key, Optional<ByteRange> range, Precondition precondition) {
  public CopySource {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(precondition, "precondition");
  }

  public static CopySource of(String bucket, String key) {
    return new CopySource(bucket, key, Optional.empty(), Precondition.none());
  }

  public CopySource withRange(ByteRange newRange) {
    return new CopySource(bucket, key, Optional.of(newRange), precondition);
  }
}
