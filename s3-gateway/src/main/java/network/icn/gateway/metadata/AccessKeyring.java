package network.icn.gateway.metadata;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Access keys with their secrets: seals on the way in, unseals for SigV4 on the way out. The admin
 * API and CLI (a later issue) build on this.
 */
public final class AccessKeyring {
  private final MetadataStore store;
  private final SecretSealer sealer;
  private final Clock clock;

  public AccessKeyring(MetadataStore store, SecretSealer sealer, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new active key for a tenant.
   *
   * @throws MetadataException NO_SUCH_TENANT, ACCESS_KEY_ALREADY_EXISTS
   */
  public AccessKeyRecord issue(String tenantId, String accessKeyId, String secret) {
    AccessKeyRecord record =
        new AccessKeyRecord(
            accessKeyId,
            tenantId,
            sealer.seal(accessKeyId, secret),
            clock.instant(),
            AccessKeyStatus.ACTIVE);
    store.createAccessKey(record);
    return record;
  }

  /**
   * The key's tenant and secret for signature verification, or empty when the key is unknown,
   * revoked, or its tenant is not active.
   *
   * @throws MetadataException SECRET_UNSEALING_FAILED when the master key is wrong
   */
  public Optional<Credentials> credentials(String accessKeyId) {
    Optional<AccessKeyRecord> key =
        store.getAccessKey(accessKeyId).filter(k -> k.status() == AccessKeyStatus.ACTIVE);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    boolean tenantActive =
        store
            .getTenant(key.get().tenantId())
            .map(t -> t.status() == TenantStatus.ACTIVE)
            .orElse(false);
    if (!tenantActive) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials(
            accessKeyId,
            key.get().tenantId(),
            sealer.unseal(accessKeyId, key.get().sealedSecret())));
  }

  /**
   * @throws MetadataException NO_SUCH_ACCESS_KEY
   */
  public void revoke(String accessKeyId) {
    store.setAccessKeyStatus(accessKeyId, AccessKeyStatus.REVOKED);
  }

  /** An unsealed key pair; never stored, never logged. */
  public record Credentials(String accessKeyId, String tenantId, String secret) {
    public Credentials {
      Check.text(accessKeyId, "access key id");
      Check.text(tenantId, "tenant id");
      Check.text(secret, "secret");
    }

    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + ", tenant=" + tenantId + ", secret=***]";
    }
  }
}
