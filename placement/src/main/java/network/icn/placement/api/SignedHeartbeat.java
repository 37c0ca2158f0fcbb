package network.icn.placement.api;

/**
 * A heartbeat with the node key's signature over {@link Heartbeat#signingBytes()}.
 *
 * @param signature 0x-hex, 65 bytes r||s||v (EIP-191 personal-sign)
 */
public record SignedHeartbeat(Heartbeat heartbeat, String signature) {
  public SignedHeartbeat {
    Validation.present("heartbeat", heartbeat);
    Validation.present("signature", signature);
  }

  /** Signs {@code heartbeat} with {@code key}. */
  public static SignedHeartbeat sign(Heartbeat heartbeat, org.web3j.crypto.ECKeyPair key) {
    return new SignedHeartbeat(heartbeat, NodeSignatures.sign(heartbeat.signingBytes(), key));
  }
}
