package network.icn.gateway.s3;

import java.util.Objects;

/**
 * What a request asks for, named after the AWS operation. {@link S3Router#route} produces it;
 * {@link S3Frontend} dispatches on it with one exhaustive switch.
 */
public sealed interface S3Route {
  /** The AWS operation name: the metric label and the access log's operation. */
  default String operation() {
    return getClass().getSimpleName();
  }

  /** The bucket the request addresses, or null for service-level operations. */
  String bucket();

  /** The key the request addresses, or null for service- and bucket-level operations. */
  default String key() {
    return null;
  }

  record ListBuckets() implements S3Route {
    @Override
    public String bucket() {
      return null;
    }
  }

  record CreateBucket(String bucket) implements S3Route {}

  record HeadBucket(String bucket) implements S3Route {}

  record DeleteBucket(String bucket) implements S3Route {}

  record GetBucketLocation(String bucket) implements S3Route {}

  /** Always "never enabled": this gateway has no versioning, so no bucket ever had a state. */
  record GetBucketVersioning(String bucket) implements S3Route {}

  record GetBucketAcl(String bucket) implements S3Route {}

  record ListObjects(String bucket) implements S3Route {}

  record ListObjectsV2(String bucket) implements S3Route {}

  record ListMultipartUploads(String bucket) implements S3Route {}

  record DeleteObjects(String bucket) implements S3Route {}

  record PutObject(String bucket, String key) implements S3Route {}

  record GetObject(String bucket, String key) implements S3Route {}

  record HeadObject(String bucket, String key) implements S3Route {}

  record DeleteObject(String bucket, String key) implements S3Route {}

  record GetObjectAcl(String bucket, String key) implements S3Route {}

  /** {@code x-amz-copy-source} as sent (URL-encoded {@code bucket/key}, maybe a version). */
  record CopyObject(String bucket, String key, String copySource) implements S3Route {}

  record CreateMultipartUpload(String bucket, String key) implements S3Route {}

  record UploadPart(String bucket, String key, String uploadId, int partNumber)
      implements S3Route {}

  record UploadPartCopy(
      String bucket, String key, String uploadId, int partNumber, String copySource)
      implements S3Route {}

  record CompleteMultipartUpload(String bucket, String key, String uploadId) implements S3Route {}

  record AbortMultipartUpload(String bucket, String key, String uploadId) implements S3Route {}

  record ListParts(String bucket, String key, String uploadId) implements S3Route {}

  /**
   * An S3 operation this gateway does not implement (versioning, object lock, tagging, policies,
   * ACL writes, CORS, lifecycle, website, encryption, …): 501 NotImplemented.
   *
   * @param name the AWS operation name, e.g. {@code PutBucketVersioning}
   * @param bucket the bucket, or null
   * @param key the key, or null
   */
  record NotImplementedOp(String name, String bucket, String key) implements S3Route {
    public NotImplementedOp {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String operation() {
      return name;
    }
  }
}
