package network.icn.placement.api;

import java.util.Objects;

/** A placement failure with its {@link PlacementError} and a message a human can act on. */
public final class PlacementException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final PlacementError error;

  public PlacementException(PlacementError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public PlacementException(PlacementError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public PlacementError error() {
    return error;
  }

  static PlacementException invalid(String message) {
    return new PlacementException(PlacementError.INVALID_REQUEST, message);
  }
}
