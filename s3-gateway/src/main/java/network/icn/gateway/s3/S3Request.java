package network.icn.gateway.s3;

import java.util.Map;
import java.util.Optional;
import network.icn.gateway.auth.AuthenticatedRequest;
import network.icn.gateway.auth.RequestHeaders;
import network.icn.gateway.http.HttpExchange;

/**
 * An authenticated S3 request as the handlers see it.
 *
 * @param exchange the HTTP exchange (body and response)
 * @param query the decoded query parameters
 * @param tenantId the tenant owning the access key that signed the request
 * @param auth the verified signature (opens the body decoder)
 */
record S3Request(
    HttpExchange exchange, Map<String, String> query, String tenantId, AuthenticatedRequest auth) {

  RequestHeaders headers() {
    return exchange.request().headers();
  }

  Optional<String> header(String name) {
    return headers().first(name).map(String::strip);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  boolean isHead() {
    return exchange.request().method().equals("HEAD");
  }
}
