package network.icn.gateway.object;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.metadata.Precondition;

/**
 * A CompleteMultipartUpload.
 *
 * @param parts the parts to compose, which must be strictly ascending by part number
 * @param expectedChecksum the whole-object checksum the client sent (a composite one with its
 *     {@code -N} suffix), verified if present
 * @param precondition on the current object at the key (If-Match / If-None-Match)
 */
public record CompleteMultipartUploadRequest(
    String bucket,
    String key,
    String uploadId,
    List<CompletedPart> parts,
    Optional<String> expectedChecksum,
    Precondition precondition) {
  public CompleteMultipartUploadRequest {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(uploadId, "uploadId");
    parts = List.copyOf(parts);
    Objects.requireNonNull(expectedChecksum, "expectedChecksum");
    Objects.requireNonNull(precondition, "precondition");
  }

  public static CompleteMultipartUploadRequest of(
      String bucket, String key, String uploadId, List<CompletedPart> parts) {
    return new CompleteMultipartUploadRequest(
        bucket, key, uploadId, parts, Optional.empty(), Precondition.none());
  }
}
