package network.icn.conformance.tools;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes what a test left behind through the AWS SDK, independently of the tool under test, so a
 * failed run against an external gateway leaves no bucket behind.
 */
final class Buckets {
  private Buckets() {}

  /** Aborts open uploads, deletes every object, then the bucket; a missing bucket is fine. */
  static void removeIfPresent(S3Client s3, String bucket) {
    try {
      s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().stream()
          .toList()
          .forEach(
              u ->
                  s3.abortMultipartUpload(
                      b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
      for (S3Object o :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().toList()) {
        s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
      }
      s3.deleteBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException gone) {
      // Already removed by the test itself.
    }
  }

  /** True when the bucket answers HEAD. */
  static boolean exists(S3Client s3, String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    }
  }
}
