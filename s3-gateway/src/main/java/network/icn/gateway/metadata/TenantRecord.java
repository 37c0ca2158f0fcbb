package network.icn.gateway.metadata;

import java.time.Instant;

/**
 * A tenant: the unit that owns buckets and access keys and books capacity.
 *
 * @param tenantId stable id (also the bucket owner id)
 * @param displayName shown as the S3 owner display name
 * @param created creation time
 * @param status active or suspended
 */
public record TenantRecord(
    String tenantId, String displayName, Instant created, TenantStatus status) {
  public TenantRecord {
    Check.keyPart(tenantId, "tenant id");
    Check.text(displayName, "display name");
    Check.present(created, "created");
    Check.present(status, "tenant status");
  }
}
