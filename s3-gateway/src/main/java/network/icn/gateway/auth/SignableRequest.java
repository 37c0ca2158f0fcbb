package network.icn.gateway.auth;

import java.util.Objects;

/**
 * What the HTTP layer knows about a request before its body: the input of {@link SigV4Verifier}.
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param rawPath the path as received, still percent-encoded, starting with {@code /}
 * @param rawQuery the query string as received without the {@code ?}; empty when there is none
 * @param headers all request headers
 */
public record SignableRequest(
    String method, String rawPath, String rawQuery, RequestHeaders headers) {
  public SignableRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method is empty");
    }
    if (!rawPath.startsWith("/")) {
      throw new IllegalArgumentException("rawPath must start with '/': " + rawPath);
    }
    if (rawQuery.startsWith("?")) {
      throw new IllegalArgumentException("rawQuery must not include the '?'");
    }
  }
}
