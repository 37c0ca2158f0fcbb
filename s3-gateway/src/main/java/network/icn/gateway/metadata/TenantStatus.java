package network.icn.gateway.metadata;

/** Whether a tenant may use the gateway. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
