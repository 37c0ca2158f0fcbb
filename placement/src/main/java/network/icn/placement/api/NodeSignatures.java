package network.icn.placement.api;

import java.security.SignatureException;
import java.util.HexFormat;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Node signatures: EIP-191 personal-sign ({@code "\u0019Ethereum Signed Message:\n" + len +
 * message}, Keccak-256, secp256k1), written as 0x-hex {@code r||s||v} with {@code v} 27 or 28 — the
 * format wallets and {@code ecrecover} use, so the same key is the node's on-chain address.
 */
public final class NodeSignatures {
  private static final HexFormat HEX = HexFormat.of();
  private static final int SIGNATURE_BYTES = 65;

  private NodeSignatures() {}

  /** Signs {@code message} with {@code key}; returns 0x-hex r||s||v. */
  public static String sign(byte[] message, ECKeyPair key) {
    Sign.SignatureData data = Sign.signPrefixedMessage(message, key);
    byte[] out = new byte[SIGNATURE_BYTES];
    System.arraycopy(data.getR(), 0, out, 0, 32);
    System.arraycopy(data.getS(), 0, out, 32, 32);
    out[64] = data.getV()[0];
    return "0x" + HEX.formatHex(out);
  }

  /**
   * Recovers the signer's address.
   *
   * @return the lowercase 0x address whose key made {@code signatureHex} over {@code message}
   * @throws PlacementException with {@link PlacementError#INVALID_SIGNATURE} if the signature is
   *     malformed or recovers no key
   */
  public static String recoverAddress(byte[] message, String signatureHex) {
    byte[] raw = parse(signatureHex);
    byte v = raw[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      throw invalid("signature v must be 27 or 28, got " + (raw[64] & 0xff));
    }
    byte[] r = new byte[32];
    byte[] s = new byte[32];
    System.arraycopy(raw, 0, r, 0, 32);
    System.arraycopy(raw, 32, s, 0, 32);
    try {
      var key = Sign.signedPrefixedMessageToKey(message, new Sign.SignatureData(v, r, s));
      return "0x" + Keys.getAddress(key).toLowerCase(java.util.Locale.ROOT);
    } catch (SignatureException | RuntimeException e) {
      throw new PlacementException(
          PlacementError.INVALID_SIGNATURE, "signature recovers no key: " + e.getMessage(), e);
    }
  }

  /** The lowercase 0x address of {@code key}. */
  public static String address(ECKeyPair key) {
    return "0x" + Keys.getAddress(key).toLowerCase(java.util.Locale.ROOT);
  }

  private static byte[] parse(String signatureHex) {
    if (signatureHex == null
        || signatureHex.length() != 2 + 2 * SIGNATURE_BYTES
        || !signatureHex.startsWith("0x")) {
      throw invalid("signature must be 0x + 130 hex digits (r||s||v)");
    }
    try {
      return HEX.parseHex(signatureHex, 2, signatureHex.length());
    } catch (IllegalArgumentException e) {
      throw invalid("signature is not hex");
    }
  }

  private static PlacementException invalid(String message) {
    return new PlacementException(PlacementError.INVALID_SIGNATURE, message);
  }
}
