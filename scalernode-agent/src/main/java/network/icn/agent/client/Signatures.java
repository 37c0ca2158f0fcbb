package network.icn.agent.client;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * secp256k1 signatures as the agent and gateway exchange them: Keccak-256 of the message, signed,
 * encoded as {@code 0x} + hex of r (32) || s (32) || v (1). Addresses are {@code 0x} + 40 lowercase
 * hex characters.
 */
public final class Signatures {
  private Signatures() {}

  private static final ECDomainParameters CURVE =
      new ECDomainParameters(
          Sign.CURVE_PARAMS.getCurve(),
          Sign.CURVE_PARAMS.getG(),
          Sign.CURVE_PARAMS.getN(),
          Sign.CURVE_PARAMS.getH());
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final ECMultiplier BASE_POINT = new FixedPointCombMultiplier();

  /**
   * Signs Keccak-256 of {@code message}: RFC 6979 deterministic ECDSA with a low s, the same bytes
   * as web3j's {@code Sign.signMessage}. The recovery id comes from the nonce point R (the parity
   * of its y, flipped when s is negated to the low half) instead of web3j's trial key recoveries,
   * each of which costs more than the signature itself; request and receipt signatures are on every
   * shard transfer.
   */
  public static String sign(byte[] message, ECKeyPair key) {
    byte[] hash = Hash.sha3(message);
    BigInteger d = key.getPrivateKey();
    BigInteger e = new BigInteger(1, hash);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, hash);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint p = BASE_POINT.multiply(CURVE.getG(), k).normalize();
      BigInteger x = p.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recId =
          (p.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        recId ^= 1;
      }
      byte[] out = new byte[65];
      System.arraycopy(Numeric.toBytesPadded(r, 32), 0, out, 0, 32);
      System.arraycopy(Numeric.toBytesPadded(s, 32), 0, out, 32, 32);
      out[64] = (byte) (27 + recId);
      return "0x" + HexFormat.of().formatHex(out);
    }
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
