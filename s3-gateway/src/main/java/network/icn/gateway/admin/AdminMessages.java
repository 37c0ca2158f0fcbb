package network.icn.gateway.admin;

import java.time.Instant;
import java.util.Objects;

/** The admin API's JSON bodies (wire format, shared by {@link AdminApi} and {@link AdminCli}). */
public final class AdminMessages {
  private AdminMessages() {}

  /** {@code POST /admin/tenants}; the display name defaults to the id. */
  public record CreateTenant(String tenantId, String displayName) {}

  /** A tenant as the API shows it. */
  public record Tenant(String tenantId, String displayName, Instant created, String status) {}

  /** {@code POST /admin/tenants/{id}/keys}; both empty → generated. */
  public record CreateAccessKey(String accessKeyId, String secretKey) {}

  /** A new key: the only response that ever carries a secret. */
  public record NewAccessKey(String accessKeyId, String secretKey, String tenantId) {
    @Override
    public String toString() {
      return "NewAccessKey[" + accessKeyId + ", tenant=" + tenantId + ", secret=***]";
    }
  }

  /** An access key without its secret. */
  public record AccessKey(String accessKeyId, String tenantId, Instant created, String status) {}

  /** A bucket of a tenant. */
  public record Bucket(String name, String region, Instant created, String scheme) {}

  /**
   * {@code POST /admin/tenants/{id}/bookings}: {@code units} ScalerNode units for {@code days} days
   * from now; region defaults to the gateway's placement region.
   */
  public record BookCapacity(String region, long units, long days) {}

  /** Every error response. */
  public record Error(String error, String message) {
    public Error {
      Objects.requireNonNull(error, "error");
    }
  }
}
