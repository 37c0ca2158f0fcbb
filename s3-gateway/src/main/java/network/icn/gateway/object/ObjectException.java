package network.icn.gateway.object;

import java.util.Objects;

/** An object-layer failure with its {@link ObjectError} and an operator-readable message. */
public final class ObjectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ObjectError error;

  public ObjectException(ObjectError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public ObjectException(ObjectError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public ObjectError error() {
    return error;
  }
}
