package network.icn.gateway.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals access-key secrets at rest with AES-256-GCM under the master key from config.
 *
 * <p>Sealed layout (v1): {@code version(1) | master-key fingerprint(4) | nonce(12) | ciphertext +
 * tag(16)}. The nonce is random per seal; the access key id is the AAD, so a sealed secret copied
 * onto another key id does not open. The fingerprint (first 4 bytes of SHA-256 of the master key)
 * lets a wrong master key fail with a clear message instead of a bare tag mismatch.
 */
public final class SecretSealer {
  static final int VERSION = 1;
  private static final int KEY_BYTES = 32;
  private static final int FINGERPRINT_BYTES = 4;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + FINGERPRINT_BYTES + NONCE_BYTES;

  private final SecretKeySpec key;
  private final byte[] fingerprint;
  private final SecureRandom random;

  /**
   * @param masterKey 32 bytes
   * @param random the nonce source (a {@link SecureRandom}; tests may seed one)
   */
  public SecretSealer(byte[] masterKey, SecureRandom random) {
    if (masterKey == null || masterKey.length != KEY_BYTES) {
      throw failure(
          "the master key must be 32 bytes, got "
              + (masterKey == null ? "none" : masterKey.length + " bytes"));
    }
    this.key = new SecretKeySpec(masterKey.clone(), "AES");
    this.fingerprint = Arrays.copyOf(sha256(masterKey), FINGERPRINT_BYTES);
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Parses the master key from config: 64 hex digits or base64 of 32 bytes. */
  public static SecretSealer fromConfig(String masterKey, SecureRandom random) {
    if (masterKey == null || masterKey.isBlank()) {
      throw failure("no master key configured");
    }
    String text = masterKey.trim();
    byte[] bytes;
    try {
      bytes =
          text.length() == 2 * KEY_BYTES
                  && HexFormat.isHexDigit(text.charAt(0))
                  && text.chars().allMatch(HexFormat::isHexDigit)
              ? HexFormat.of().parseHex(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw failure("the master key is neither 64 hex digits nor base64");
    }
    return new SecretSealer(bytes, random);
  }

  /** The hex fingerprint of the master key (safe to log). */
  public String fingerprint() {
    return HexFormat.of().formatHex(fingerprint);
  }

  public byte[] seal(String accessKeyId, String secret) {
    Check.text(secret, "secret");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(Keys.utf8(Check.text(accessKeyId, "access key id")));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(HEADER + sealed.length)
          .put((byte) VERSION)
          .put(fingerprint)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw failure("AES-GCM is unavailable: " + e);
    }
  }

  public String unseal(String accessKeyId, byte[] sealed) {
    if (sealed == null || sealed.length < HEADER + TAG_BITS / 8) {
      throw failure("sealed secret of " + accessKeyId + " is truncated");
    }
    if (sealed[0] != VERSION) {
      throw new MetadataException(
          MetadataError.UNSUPPORTED_VERSION,
          "sealed secret version " + (sealed[0] & 0xFF) + " is not supported");
    }
    byte[] sealedWith = Arrays.copyOfRange(sealed, 1, 1 + FINGERPRINT_BYTES);
    if (!MessageDigest.isEqual(sealedWith, fingerprint)) {
      throw failure(
          "the secret of "
              + accessKeyId
              + " was sealed with master key "
              + HexFormat.of().formatHex(sealedWith)
              + " but the configured master key is "
              + fingerprint()
              + ": wrong master key");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, sealed, 1 + FINGERPRINT_BYTES, NONCE_BYTES));
      cipher.updateAAD(Keys.utf8(accessKeyId));
      byte[] plain = cipher.doFinal(sealed, HEADER, sealed.length - HEADER);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw failure(
          "the secret of "
              + accessKeyId
              + " does not authenticate: tampered, or sealed for another access key id");
    } catch (GeneralSecurityException e) {
      throw failure("AES-GCM is unavailable: " + e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  private static MetadataException failure(String message) {
    return new MetadataException(MetadataError.SECRET_UNSEALING_FAILED, message);
  }
}
