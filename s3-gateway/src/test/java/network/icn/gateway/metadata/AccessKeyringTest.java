package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The keyring answers from its unsealed-secret cache without hiding revocation or a re-issue. */
class AccessKeyringTest {
  private final Clock clock = Clock.systemUTC();
  private final InMemoryMetadataStore store = new InMemoryMetadataStore(clock);
  private final AccessKeyring keyring =
      new AccessKeyring(store, new SecretSealer(new byte[32], new SecureRandom()), clock);

  AccessKeyringTest() {
    store.createTenant(new TenantRecord("t", "T", Instant.now(), TenantStatus.ACTIVE));
  }

  @Test
  void repeatedLookupsGiveTheSecretAndRevocationTakesEffectAtOnce() {
    keyring.issue("t", "AKIAKEYRINGTEST00001", "secret-1");
    for (int i = 0; i < 3; i++) {
      assertEquals("secret-1", keyring.credentials("AKIAKEYRINGTEST00001").orElseThrow().secret());
    }
    keyring.revoke("AKIAKEYRINGTEST00001");
    assertTrue(keyring.credentials("AKIAKEYRINGTEST00001").isEmpty());
  }

  @Test
  void aSuspendedTenantsKeyStopsWorkingThoughItsSecretWasCached() {
    keyring.issue("t", "AKIAKEYRINGTEST00002", "secret-2");
    assertEquals("secret-2", keyring.credentials("AKIAKEYRINGTEST00002").orElseThrow().secret());
    store.updateTenant(new TenantRecord("t", "T", Instant.now(), TenantStatus.SUSPENDED));
    assertTrue(keyring.credentials("AKIAKEYRINGTEST00002").isEmpty());
  }
}
