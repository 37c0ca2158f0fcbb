package network.icn.gateway.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** An admin API request, parsed from method and path by {@link #route}. */
sealed interface AdminRoute {
  record CreateTenant() implements AdminRoute {}

  record ListTenants() implements AdminRoute {}

  record CreateAccessKey(String tenantId) implements AdminRoute {}

  record ListAccessKeys(String tenantId) implements AdminRoute {}

  record RevokeAccessKey(String accessKeyId) implements AdminRoute {}

  record ListBuckets(String tenantId) implements AdminRoute {}

  record ListNodes() implements AdminRoute {}

  record BookCapacity(String tenantId) implements AdminRoute {}

  record ListBookings(String tenantId) implements AdminRoute {}

  /** A path the API does not have (404) or a method it does not take there (405). */
  record Unknown(boolean pathExists) implements AdminRoute {}

  /** The operation name for the access log and metrics (bounded: no ids). */
  default String operation() {
    return "Admin" + getClass().getSimpleName();
  }

  /** Pure: {@code method} and the still-encoded {@code rawPath} (starting with /admin). */
  static AdminRoute route(String method, String rawPath) {
    List<String> p =
        Arrays.stream(rawPath.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
            .toList();
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    if (p.size() < 2 || !p.get(0).equals("admin")) {
      return new Unknown(false);
    }
    String top = p.get(1);
    if (p.size() == 2 && top.equals("tenants")) {
      return post ? new CreateTenant() : get ? new ListTenants() : new Unknown(true);
    }
    if (p.size() == 2 && top.equals("nodes")) {
      return get ? new ListNodes() : new Unknown(true);
    }
    if (p.size() == 3 && top.equals("keys")) {
      return method.equals("DELETE") ? new RevokeAccessKey(p.get(2)) : new Unknown(true);
    }
    if (p.size() == 4 && top.equals("tenants")) {
      String tenant = p.get(2);
      return switch (p.get(3)) {
        case "keys" ->
            post
                ? new CreateAccessKey(tenant)
                : get ? new ListAccessKeys(tenant) : new Unknown(true);
        case "buckets" -> get ? new ListBuckets(tenant) : new Unknown(true);
        case "bookings" ->
            post ? new BookCapacity(tenant) : get ? new ListBookings(tenant) : new Unknown(true);
        default -> new Unknown(false);
      };
    }
    return new Unknown(false);
  }
}
