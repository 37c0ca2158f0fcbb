package network.icn.gateway.http;

/** The client went away (or sent an undecodable body) in the middle of an exchange. */
public final class PeerGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PeerGoneException(String message) {
    super(message, null, false, false);
  }
}
