package network.icn.gateway.object;

import java.util.Objects;
import java.util.Optional;

/**
 * One UploadPart (or the target of an UploadPartCopy).
 *
 * @param contentLength the declared body length, or -1 when unknown
 * @param contentMd5 the Content-MD5 to verify (base64), if sent
 * @param expectedChecksum the part checksum the client declared (base64, the upload's algorithm)
 */
public record UploadPartRequest(
    String bucket,
    String key,
    String uploadId,
    int partNumber,
    long contentLength,
    Optional<String> contentMd5,
    Optional<String> expectedChecksum) {
  public static final int MAX_PART_NUMBER = 10_000;

  public UploadPartRequest {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(uploadId, "uploadId");
    if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "part number must be 1..10000, got " + partNumber);
    }
    if (contentLength < -1) {
      throw new ObjectException(ObjectError.INVALID_REQUEST, "negative content length");
    }
    Objects.requireNonNull(contentMd5, "contentMd5");
    Objects.requireNonNull(expectedChecksum, "expectedChecksum");
  }

  public static UploadPartRequest of(
      String bucket, String key, String uploadId, int partNumber, long contentLength) {
    return new UploadPartRequest(
        bucket, key, uploadId, partNumber, contentLength, Optional.empty(), Optional.empty());
  }

  public UploadPartRequest withExpectedChecksum(String base64) {
    return new UploadPartRequest(
        bucket, key, uploadId, partNumber, contentLength, contentMd5, Optional.of(base64));
  }
}
