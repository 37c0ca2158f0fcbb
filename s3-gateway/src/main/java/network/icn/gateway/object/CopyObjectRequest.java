package network.icn.gateway.object;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.Precondition;

/**
 * A CopyObject.
 *
 * @param directive COPY keeps the source's content headers and user metadata; REPLACE uses {@code
 *     headers} and {@code userMetadata}
 * @param storageClass the destination's storage class
 * @param checksumAlgorithm the destination checksum; empty keeps the source's algorithm (if any)
 * @param precondition on the destination key
 */
public record CopyObjectRequest(
    CopySource source,
    String bucket,
    String key,
    MetadataDirective directive,
    ContentHeaders headers,
    Map<String, String> userMetadata,
    String storageClass,
    Optional<ChecksumAlgorithm> checksumAlgorithm,
    Precondition precondition) {
  /** {@code x-amz-metadata-directive}. */
  public enum MetadataDirective {
    COPY,
    REPLACE
  }

  public CopyObjectRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(directive, "directive");
    Objects.requireNonNull(headers, "headers");
    userMetadata = Map.copyOf(new TreeMap<>(userMetadata));
    Objects.requireNonNull(storageClass, "storageClass");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(precondition, "precondition");
    if (source.range().isPresent()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "CopyObject copies whole objects; ranges are for parts");
    }
  }

  /** Copy with the source's metadata (directive COPY). */
  public static CopyObjectRequest of(CopySource source, String bucket, String key) {
    return new CopyObjectRequest(
        source,
        bucket,
        key,
        MetadataDirective.COPY,
        ContentHeaders.NONE,
        Map.of(),
        "STANDARD",
        Optional.empty(),
        Precondition.none());
  }

  /** Copy replacing content headers and user metadata (directive REPLACE). */
  public CopyObjectRequest replacing(ContentHeaders newHeaders, Map<String, String> newMetadata) {
    return new CopyObjectRequest(
        source,
        bucket,
        key,
        MetadataDirective.REPLACE,
        newHeaders,
        newMetadata,
        storageClass,
        checksumAlgorithm,
        precondition);
  }
}
