package network.icn.gateway.s3;

import java.util.Objects;

/** An S3 error raised by the front end itself (routing, validation, handlers). */
public final class S3Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final S3Error error;

  public S3Exception(S3Error error) {
    this(error, error.defaultMessage());
  }

  public S3Exception(S3Error error, String message) {
    super(message, null, false, false);
    this.error = Objects.requireNonNull(error, "error");
  }

  public S3Error error() {
    return error;
  }
}
