package network.icn.gateway.admin;

import java.util.Locale;
import java.util.Objects;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.HttpHandler;
import network.icn.gateway.http.RequestHead;

/**
 * Sends {@code /admin} and {@code /admin/...} requests that carry no AWS signature to the admin
 * API, everything else to the S3 front end. A bucket named {@code admin} stays reachable: S3
 * requests are signed (anonymous S3 requests are refused anyway).
 */
public final class AdminRouter implements HttpHandler {
  private final HttpHandler admin;
  private final HttpHandler s3;

  public AdminRouter(HttpHandler admin, HttpHandler s3) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.s3 = Objects.requireNonNull(s3, "s3");
  }

  @Override
  public void handle(HttpExchange exchange) {
    (isAdmin(exchange.request()) ? admin : s3).handle(exchange);
  }

  static boolean isAdmin(RequestHead head) {
    if (head.failure().isPresent()) {
      return false;
    }
    String path = head.rawPath();
    if (!path.equals("/admin") && !path.startsWith("/admin/")) {
      return false;
    }
    String auth = head.headers().first("authorization").orElse("");
    if (auth.startsWith("AWS")) {
      return false;
    }
    String query = head.rawQuery().toLowerCase(Locale.ROOT);
    return !query.contains("x-amz-signature=") && !query.contains("x-amz-credential=");
  }
}
