package network.icn.gateway.metadata;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access keys with their secrets: seals on the way in, unseals for SigV4 on the way out. The admin
 * API and CLI (a later issue) build on this.
 */
public final class AccessKeyring {
  /** Unsealed secrets kept at most (the map is cleared when full). */
  private static final int MAX_UNSEALED = 10_000;

  private record Unsealed(byte[] sealed, String secret) {}

  private final ConcurrentHashMap<String, Unsealed> unsealed = new ConcurrentHashMap<>();

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
        new Credentials(accessKeyId, key.get().tenantId(), unsealed(accessKeyId, key.get())));
  }

  /**
   * The key's secret. Every request needs it, and AES-GCM per request cost a visible share of a
   * small-object request, so plain secrets are kept by (access key id, sealed bytes): an entry can
   * only ever answer the sealed value it was made from, and the record (status, tenant) is still
   * read on every call, so revocation takes effect at once.
   */
  private String unsealed(String accessKeyId, AccessKeyRecord key) {
    Unsealed cached = unsealed.get(accessKeyId);
    byte[] sealed = key.sealedSecret();
    if (cached != null && Arrays.equals(cached.sealed(), sealed)) {
      return cached.secret();
    }
    String secret = sealer.unseal(accessKeyId, sealed);
    if (unsealed.size() >= MAX_UNSEALED) {
      unsealed.clear();
    }
    unsealed.put(accessKeyId, new Unsealed(sealed.clone(), secret));
    return secret;
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
