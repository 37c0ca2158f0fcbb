package network.icn.placement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;

class NodeSignaturesTest {
  private static final ECKeyPair KEY = ECKeyPair.create(BigInteger.valueOf(12345));

  @Test
  void signatureRecoversToTheSignersAddress() {
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    String signature = NodeSignatures.sign(message, KEY);
    assertEquals(132, signature.length());
    assertEquals(NodeSignatures.address(KEY), NodeSignatures.recoverAddress(message, signature));
  }

  @Test
  void aChangedMessageRecoversToAnotherAddress() {
    String signature = NodeSignatures.sign(new byte[] {1}, KEY);
    assertNotEquals(
        NodeSignatures.address(KEY), NodeSignatures.recoverAddress(new byte[] {2}, signature));
  }

  @Test
  void malformedSignaturesAreInvalidSignature() {
    for (String bad :
        new String[] {null, "", "0x12", "0x" + "zz".repeat(65), "0x" + "00".repeat(65)}) {
      var error =
          assertThrows(
              PlacementException.class, () -> NodeSignatures.recoverAddress(new byte[1], bad));
      assertEquals(PlacementError.INVALID_SIGNATURE, error.error());
    }
  }

  @Test
  void signingBytesAreCanonicalLengthPrefixedAndVersioned() {
    var registration =
        new NodeRegistration(
            "0x" + "1".repeat(40),
            "0x" + "2".repeat(40),
            "eu-central-1",
            "fra-1",
            "hdd-16t",
            "http://n1:9000",
            1000,
            "0.1.0",
            1_700_000_000_000L);
    assertEquals(
        "icn-placement/register/v1\n"
            + "42:0x1111111111111111111111111111111111111111\n"
            + "42:0x2222222222222222222222222222222222222222\n"
            + "12:eu-central-1\n5:fra-1\n7:hdd-16t\n14:http://n1:9000\n4:1000\n5:0.1.0\n"
            + "13:1700000000000\n",
        new String(registration.signingBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void uppercaseAddressesAreRejected() {
    var error =
        assertThrows(
            PlacementException.class,
            () -> new Heartbeat("0x" + "A".repeat(40), 1, 0, 1, 0, 0, 0, "0.1.0", 1, 1));
    assertEquals(PlacementError.INVALID_REQUEST, error.error());
  }
}
