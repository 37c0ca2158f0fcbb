package network.icn.gateway.metadata;

/** Whether an access key may sign requests. */
public enum AccessKeyStatus {
  ACTIVE,
  REVOKED
}
