package network.icn.gateway.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.ResponseHeaders;

/** Small helpers shared by the handlers for the usual response shapes and date formats. */
final class Responses {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private Responses() {}

  static void xml(HttpExchange exchange, int status, byte[] body) {
    exchange.respond(status, new ResponseHeaders().add("Content-Type", "application/xml"), body);
  }

  static void empty(HttpExchange exchange, int status, ResponseHeaders headers) {
    exchange.respond(status, headers, new byte[0]);
  }

  /** {@code 2006-02-03T16:45:09.000Z}, as S3 writes times in XML. */
  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /** {@code Fri, 03 Feb 2006 16:45:09 GMT}, as S3 writes times in headers. */
  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }
}
