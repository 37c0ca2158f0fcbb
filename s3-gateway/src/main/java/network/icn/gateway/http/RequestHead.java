package network.icn.gateway.http;

import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.auth.RequestHeaders;

/**
 * A request as it arrived, before its body.
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param rawPath the path, still percent-encoded, starting with {@code /}
 * @param rawQuery the query string without {@code ?}, still encoded; empty when absent
 * @param headers the request headers
 * @param failure why the request head could not be decoded, if it could not
 */
public record RequestHead(
    String method,
    String rawPath,
    String rawQuery,
    RequestHeaders headers,
    Optional<DecodeFailure> failure) {
  public RequestHead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(failure, "failure");
  }

  /** Why a request head was rejected by the HTTP decoder. */
  public enum DecodeFailure {
    /** The header section is larger than the configured limit. */
    HEADERS_TOO_LARGE,
    /** The request line is longer than the configured limit. */
    REQUEST_LINE_TOO_LONG,
    /** Anything else that is not HTTP/1.1. */
    MALFORMED
  }
}
