package network.icn.agent.client;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * secp256k1 signatures as the agent and gateway exchange them: Keccak-256 of the message, signed,
 * encoded as {@code 0x} + hex of r (32) || s (32) || v (1). Addresses are {@code 0x} + 40 lowercase
 * hex characters.
 */
public final class Signatures {
  private Signatures() {}

  public static String sign(byte[] message, ECKeyPair key) {
    Sign.SignatureData sig = Sign.signMessage(message, key);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return "0x" + HexFormat.of().formatHex(out);
  }

  /** The address that signed {@code message}; throws {@link SignatureException} if malformed. */
  public static String recoverAddress(byte[] message, String signatureHex)
      throws SignatureException {
    if (signatureHex == null || !signatureHex.startsWith("0x") || signatureHex.length() != 132) {
      throw new SignatureException("signature must be 0x followed by 130 hex characters");
    }
    byte[] raw;
    try {
      raw = HexFormat.of().parseHex(signatureHex, 2, 132);
    } catch (IllegalArgumentException e) {
      throw new SignatureException("signature is not hex");
    }
    Sign.SignatureData data =
        new Sign.SignatureData(
            raw[64], Arrays.copyOfRange(raw, 0, 32), Arrays.copyOfRange(raw, 32, 64));
    BigInteger publicKey;
    try {
      publicKey = Sign.signedMessageToKey(message, data);
    } catch (RuntimeException e) {
      throw new SignatureException("signature does not recover a key: " + e.getMessage());
    }
    return "0x" + Keys.getAddress(publicKey);
  }

  /** The address of {@code key}. */
  public static String address(ECKeyPair key) {
    return "0x" + Keys.getAddress(key.getPublicKey());
  }

  /** Lowercases and checks an address; throws {@link IllegalArgumentException} if malformed. */
  public static String normalizeAddress(String address) {
    String a = address.trim().toLowerCase(Locale.ROOT);
    if (!a.matches("0x[0-9a-f]{40}")) {
      throw new IllegalArgumentException("not an address (0x + 40 hex): " + address);
    }
    return a;
  }
}
