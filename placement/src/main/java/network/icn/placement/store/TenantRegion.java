package network.icn.placement.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A (tenant, region) pair: the key of booked and used capacity. */
public record TenantRegion(String tenantId, String region) {
  public TenantRegion {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(region, "region");
  }

  byte[] key() {
    return (tenantId + '\0' + region).getBytes(StandardCharsets.UTF_8);
  }

  static TenantRegion fromKey(byte[] key) {
    String s = new String(key, StandardCharsets.UTF_8);
    int sep = s.indexOf('\0');
    return new TenantRegion(s.substring(0, sep), s.substring(sep + 1));
  }
}
