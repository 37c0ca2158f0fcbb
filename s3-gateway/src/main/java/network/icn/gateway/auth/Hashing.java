package network.icn.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256, HMAC-SHA256, the SigV4 signing-key chain and constant-time comparison. */
final class Hashing {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final HexFormat HEX = HexFormat.of();

  private Hashing() {}

  static MessageDigest sha256() {
    return digest("SHA-256");
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  static String sha256Hex(String text) {
    return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Signing keys by (secret, scope). A key is valid for one day and one region, and every request
   * of that day derives the same one with four HMACs; this keeps the result. Bounded: cleared when
   * full. Keyed by the secret itself, so a changed secret never meets an old key.
   */
  private static final int MAX_SIGNING_KEYS = 10_000;

  private record ScopedSecret(String secret, String scope) {}

  private static final ConcurrentHashMap<ScopedSecret, byte[]> SIGNING_KEYS =
      new ConcurrentHashMap<>();

  /** {@link #deriveSigningKey}, remembered per (secret, scope); callers must not modify it. */
  static byte[] signingKey(String secret, CredentialScope scope) {
    ScopedSecret id = new ScopedSecret(secret, scope.toString());
    byte[] key = SIGNING_KEYS.get(id);
    if (key == null) {
      key = deriveSigningKey(secret, scope);
      if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
        SIGNING_KEYS.clear();
      }
      SIGNING_KEYS.put(id, key);
    }
    return key;
  }

  /** {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. */
  static byte[] deriveSigningKey(String secret, CredentialScope scope) {
    byte[] date = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.dateStamp());
    byte[] region = hmac(date, scope.region());
    byte[] service = hmac(region, scope.service());
    return hmac(service, CredentialScope.TERMINATOR);
  }

  /** {@code AWS4-HMAC-SHA256\n<amz-date>\n<scope>\n<hex sha256(canonical request)>}. */
  static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
    return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
  }

  static String signature(byte[] signingKey, String stringToSign) {
    return hex(hmac(signingKey, stringToSign));
  }

  /** Compares two hex signatures in time independent of where they differ. */
  static boolean sameSignature(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
