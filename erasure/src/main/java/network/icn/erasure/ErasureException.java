package network.icn.erasure;

import java.util.Objects;

/** An erasure failure with its {@link ErasureError} code and a message a human can act on. */
public final class ErasureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErasureError error;

  public ErasureException(ErasureError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public ErasureError error() {
    return error;
  }
}
