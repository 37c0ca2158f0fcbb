package network.icn.gateway.object;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ChecksumType;
import network.icn.gateway.metadata.ContentHeaders;

/**
 * What CreateMultipartUpload fixes for the final object.
 *
 * @param checksumAlgorithm the checksum every part carries, if any
 * @param checksumType the final object's checksum type; empty for the AWS default (FULL_OBJECT for
 *     CRC64NVME, COMPOSITE for the others). FULL_OBJECT is allowed for the CRCs only, COMPOSITE for
 *     all but CRC64NVME, as in S3.
 */
public record CreateMultipartUploadRequest(
    String bucket,
    String key,
    ContentHeaders headers,
    Map<String, String> userMetadata,
    String storageClass,
    Optional<ChecksumAlgorithm> checksumAlgorithm,
    Optional<ChecksumType> checksumType) {
  public CreateMultipartUploadRequest {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(headers, "headers");
    userMetadata = Map.copyOf(new TreeMap<>(userMetadata));
    Objects.requireNonNull(storageClass, "storageClass");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(checksumType, "checksumType");
    if (checksumType.isPresent() && checksumAlgorithm.isEmpty()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "a checksum type needs a checksum algorithm");
    }
    if (checksumAlgorithm.isPresent()) {
      ChecksumAlgorithm algorithm = checksumAlgorithm.get();
      ChecksumType type = checksumType.orElse(defaultType(algorithm));
      boolean crc = CrcCombine.of(algorithm) != null;
      if ((type == ChecksumType.FULL_OBJECT && !crc)
          || (type == ChecksumType.COMPOSITE && algorithm == ChecksumAlgorithm.CRC64NVME)) {
        throw new ObjectException(
            ObjectError.INVALID_REQUEST,
            "checksum type " + type + " is not supported for " + algorithm);
      }
      checksumType = Optional.of(type);
    }
  }

  /** S3's default type for an algorithm. */
  static ChecksumType defaultType(ChecksumAlgorithm algorithm) {
    return algorithm == ChecksumAlgorithm.CRC64NVME
        ? ChecksumType.FULL_OBJECT
        : ChecksumType.COMPOSITE;
  }

  /** A plain upload: no checksum, no metadata. */
  public static CreateMultipartUploadRequest of(String bucket, String key) {
    return new CreateMultipartUploadRequest(
        bucket, key, ContentHeaders.NONE, Map.of(), "STANDARD", Optional.empty(), Optional.empty());
  }

  public CreateMultipartUploadRequest withChecksum(
      ChecksumAlgorithm algorithm, Optional<ChecksumType> type) {
    return new CreateMultipartUploadRequest(
        bucket, key, headers, userMetadata, storageClass, Optional.of(algorithm), type);
  }
}
