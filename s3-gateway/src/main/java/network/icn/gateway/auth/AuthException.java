package network.icn.gateway.auth;

import java.util.Objects;

/** An authentication failure with its {@link AuthError} and the message S3 would send. */
public final class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AuthError error;

  public AuthException(AuthError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public AuthError error() {
    return error;
  }

  static AuthException of(AuthError error, String message) {
    return new AuthException(error, message);
  }
}
