package network.icn.gateway.s3;

import java.util.Objects;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.MetadataStore;

/** Multi-tenancy at the bucket: a tenant touches only the buckets it owns. */
final class BucketAccess {
  private final MetadataStore metadata;

  BucketAccess(MetadataStore metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  /**
   * The bucket, if {@code tenantId} owns it.
   *
   * @throws S3Exception NoSuchBucket, or AccessDenied when another tenant owns it
   */
  BucketRecord owned(String bucket, String tenantId) {
    BucketRecord record =
        metadata.getBucket(bucket).orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_BUCKET));
    if (!record.ownerTenantId().equals(tenantId)) {
      throw new S3Exception(S3Error.ACCESS_DENIED);
    }
    return record;
  }
}
