package network.icn.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

final class SignaturesTest {
  /** web3j's encoding of the same signature: r || s || v. */
  private static String web3j(byte[] message, ECKeyPair key) {
    Sign.SignatureData sig = Sign.signMessage(message, key);
    return "0x"
        + HexFormat.of().formatHex(sig.getR())
        + HexFormat.of().formatHex(sig.getS())
        + HexFormat.of().formatHex(sig.getV());
  }

  @Test
  void signaturesAreByteForByteWeb3jsAndRecoverTheSigner() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      BigInteger d =
          new BigInteger(1, secret)
              .mod(Sign.CURVE_PARAMS.getN().subtract(BigInteger.ONE))
              .add(BigInteger.ONE);
      ECKeyPair key = ECKeyPair.create(d);
      byte[] message = new byte[random.nextInt(0, 200)];
      random.nextBytes(message);
      String ours = Signatures.sign(message, key);
      assertEquals(web3j(message, key), ours, "key " + i);
      assertEquals(Signatures.address(key), Signatures.recoverAddress(message, ours));
    }
  }
}
