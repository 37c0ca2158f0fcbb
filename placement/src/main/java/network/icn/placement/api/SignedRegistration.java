package network.icn.placement.api;

/**
 * A registration with the node key's signature over {@link NodeRegistration#signingBytes()}.
 *
 * @param signature 0x-hex, 65 bytes r||s||v (EIP-191 personal-sign)
 */
public record SignedRegistration(NodeRegistration registration, String signature) {
  public SignedRegistration {
    Validation.present("registration", registration);
    Validation.present("signature", signature);
  }

  /** Signs {@code registration} with {@code key}; the agent's side of the handshake. */
  public static SignedRegistration sign(
      NodeRegistration registration, org.web3j.crypto.ECKeyPair key) {
    return new SignedRegistration(
        registration, NodeSignatures.sign(registration.signingBytes(), key));
  }
}
