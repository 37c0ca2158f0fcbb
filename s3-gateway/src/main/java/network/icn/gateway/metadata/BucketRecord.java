package network.icn.gateway.metadata;

import java.time.Instant;
import network.icn.erasure.ErasureScheme;

/**
 * A bucket as stored.
 *
 * @param name the S3 bucket name
 * @param ownerTenantId the tenant that created it
 * @param region the placement region its shards go to
 * @param created creation time
 * @param scheme the erasure scheme new objects in the bucket use
 */
public record BucketRecord(
    String name, String ownerTenantId, String region, Instant created, ErasureScheme scheme) {
  public BucketRecord {
    Check.bucketName(name);
    Check.keyPart(ownerTenantId, "owner tenant id");
    Check.text(region, "region");
    Check.present(created, "created");
    Check.present(scheme, "scheme");
  }
}
