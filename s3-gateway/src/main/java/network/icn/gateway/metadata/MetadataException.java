package network.icn.gateway.metadata;

import java.util.Objects;

/** A metadata failure with its {@link MetadataError} code and a message a human can act on. */
public final class MetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MetadataError error;

  public MetadataException(MetadataError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public MetadataException(MetadataError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public MetadataError error() {
    return error;
  }
}
