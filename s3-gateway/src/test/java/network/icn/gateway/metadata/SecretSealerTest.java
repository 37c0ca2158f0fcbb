package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
  private static final String HEX_KEY =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static SecretSealer sealer(String key) {
    return SecretSealer.fromConfig(key, new SecureRandom());
  }

  @Test
  void sealedSecretOpensWithTheSameMasterKeyAndKeyId() {
    SecretSealer sealer = sealer(HEX_KEY);
    assertEquals(SECRET, sealer.unseal("AKIA1", sealer.seal("AKIA1", SECRET)));
  }

  @Test
  void hexAndBase64MasterKeysAreTheSameKey() {
    byte[] raw = HexFormat.of().parseHex(HEX_KEY);
    SecretSealer fromHex = sealer(HEX_KEY);
    SecretSealer fromBase64 = sealer(Base64.getEncoder().encodeToString(raw));
    assertEquals(SECRET, fromBase64.unseal("AKIA1", fromHex.seal("AKIA1", SECRET)));
    assertEquals(fromHex.fingerprint(), fromBase64.fingerprint());
  }

  @Test
  void sealedBytesDoNotContainThePlaintextSecret() {
    byte[] sealed = sealer(HEX_KEY).seal("AKIA1", SECRET);
    String asText = new String(sealed, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains(SECRET));
    assertFalse(asText.contains(SECRET.substring(0, 8)));
  }

  @Test
  void sealingTwiceUsesFreshNonces() {
    SecretSealer sealer = sealer(HEX_KEY);
    assertFalse(Arrays.equals(sealer.seal("AKIA1", SECRET), sealer.seal("AKIA1", SECRET)));
  }

  @Test
  void wrongMasterKeyFailsNamingBothFingerprints() {
    byte[] sealed = sealer(HEX_KEY).seal("AKIA1", SECRET);
    SecretSealer other = sealer(HEX_KEY.replace("1f", "ff"));
    MetadataException e =
        assertThrows(MetadataException.class, () -> other.unseal("AKIA1", sealed));
    assertEquals(MetadataError.SECRET_UNSEALING_FAILED, e.error());
    assertTrue(e.getMessage().contains("wrong master key"), e.getMessage());
    assertTrue(e.getMessage().contains(other.fingerprint()), e.getMessage());
  }

  @Test
  void secretMovedToAnotherKeyIdDoesNotOpen() {
    SecretSealer sealer = sealer(HEX_KEY);
    byte[] sealed = sealer.seal("AKIA1", SECRET);
    MetadataException e =
        assertThrows(MetadataException.class, () -> sealer.unseal("AKIA2", sealed));
    assertEquals(MetadataError.SECRET_UNSEALING_FAILED, e.error());
  }

  @Test
  void tamperedCiphertextDoesNotOpen() {
    SecretSealer sealer = sealer(HEX_KEY);
    byte[] sealed = sealer.seal("AKIA1", SECRET);
    sealed[sealed.length - 1] ^= 1;
    assertThrows(MetadataException.class, () -> sealer.unseal("AKIA1", sealed));
  }

  @Test
  void malformedMasterKeysAreRejectedClearly() {
    for (String bad :
        new String[] {
          "", "abc", "zz" + HEX_KEY.substring(2), Base64.getEncoder().encodeToString(new byte[16])
        }) {
      MetadataException e = assertThrows(MetadataException.class, () -> sealer(bad), bad);
      assertEquals(MetadataError.SECRET_UNSEALING_FAILED, e.error());
    }
  }

  @Test
  void keyringStoresOnlySealedSecretsAndHonoursRevocation() {
    try (InMemoryMetadataStore store = new InMemoryMetadataStore(java.time.Clock.systemUTC())) {
      store.createTenant(Fixtures.tenant());
      AccessKeyring keyring =
          new AccessKeyring(store, sealer(HEX_KEY), java.time.Clock.systemUTC());
      keyring.issue("tenant-42", "AKIAKEYRING", SECRET);
      byte[] stored = store.getAccessKey("AKIAKEYRING").orElseThrow().sealedSecret();
      assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(SECRET));
      byte[] encoded = RecordCodec.encodeAccessKey(store.getAccessKey("AKIAKEYRING").orElseThrow());
      assertFalse(new String(encoded, StandardCharsets.ISO_8859_1).contains(SECRET));
      assertEquals(SECRET, keyring.credentials("AKIAKEYRING").orElseThrow().secret());
      assertNotEquals(
          -1, keyring.credentials("AKIAKEYRING").orElseThrow().toString().indexOf("***"));
      keyring.revoke("AKIAKEYRING");
      assertTrue(keyring.credentials("AKIAKEYRING").isEmpty());
      assertTrue(keyring.credentials("AKIAUNKNOWN").isEmpty());
    }
  }

  @Test
  void keyringRefusesKeysOfSuspendedTenants() {
    try (InMemoryMetadataStore store = new InMemoryMetadataStore(java.time.Clock.systemUTC())) {
      store.createTenant(Fixtures.tenant());
      AccessKeyring keyring =
          new AccessKeyring(store, sealer(HEX_KEY), java.time.Clock.systemUTC());
      keyring.issue("tenant-42", "AKIAS", SECRET);
      TenantRecord t = Fixtures.tenant();
      store.updateTenant(
          new TenantRecord(t.tenantId(), t.displayName(), t.created(), TenantStatus.SUSPENDED));
      assertTrue(keyring.credentials("AKIAS").isEmpty());
    }
  }
}
