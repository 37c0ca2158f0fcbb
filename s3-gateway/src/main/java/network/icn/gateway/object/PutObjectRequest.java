package network.icn.gateway.object;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.Precondition;

/**
 * What a PutObject asks for, besides the body.
 *
 * @param contentLength the declared body length, or -1 when unknown (chunked uploads)
 * @param contentMd5 the Content-MD5 to verify (base64), if sent
 * @param checksumAlgorithm the additional checksum to compute and store, if any
 * @param expectedChecksum the value the client declared for it (base64), to verify, if sent
 */
public record PutObjectRequest(
    String bucket,
    String key,
    long contentLength,
    Optional<String> contentMd5,
    Optional<ChecksumAlgorithm> checksumAlgorithm,
    Optional<String> expectedChecksum,
    ContentHeaders headers,
    Map<String, String> userMetadata,
    Precondition precondition,
    String storageClass) {
  public PutObjectRequest {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (contentLength < -1) {
      throw new ObjectException(ObjectError.INVALID_REQUEST, "negative content length");
    }
    Objects.requireNonNull(contentMd5, "contentMd5");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(expectedChecksum, "expectedChecksum");
    if (expectedChecksum.isPresent() && checksumAlgorithm.isEmpty()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "a checksum value needs its algorithm");
    }
    Objects.requireNonNull(headers, "headers");
    userMetadata = Map.copyOf(new TreeMap<>(userMetadata));
    Objects.requireNonNull(precondition, "precondition");
    Objects.requireNonNull(storageClass, "storageClass");
  }

  /** A plain put: no digests to verify, no checksum, no metadata, no precondition. */
  public static PutObjectRequest of(String bucket, String key, long contentLength) {
    return new PutObjectRequest(
        bucket,
        key,
        contentLength,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ContentHeaders.NONE,
        Map.of(),
        Precondition.none(),
        "STANDARD");
  }

  public PutObjectRequest withChecksum(ChecksumAlgorithm algorithm, Optional<String> expected) {
    return new PutObjectRequest(
        bucket,
        key,
        contentLength,
        contentMd5,
        Optional.of(algorithm),
        expected,
        headers,
        userMetadata,
        precondition,
        storageClass);
  }

  public PutObjectRequest withContentMd5(String base64) {
    return new PutObjectRequest(
        bucket,
        key,
        contentLength,
        Optional.of(base64),
        checksumAlgorithm,
        expectedChecksum,
        headers,
        userMetadata,
        precondition,
        storageClass);
  }

  public PutObjectRequest withPrecondition(Precondition condition) {
    return new PutObjectRequest(
        bucket,
        key,
        contentLength,
        contentMd5,
        checksumAlgorithm,
        expectedChecksum,
        headers,
        userMetadata,
        condition,
        storageClass);
  }
}
