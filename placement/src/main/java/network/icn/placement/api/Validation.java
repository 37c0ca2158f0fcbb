package network.icn.placement.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Field checks shared by the API records; each failure is an {@code INVALID_REQUEST}. */
final class Validation {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern VERSION = Pattern.compile("[\\x21-\\x7e]{1,64}");
  private static final Pattern SEGMENT = Pattern.compile("[\\x21-\\x7e]{1,256}");

  private Validation() {}

  static String address(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw PlacementException.invalid(
          field + " must be a lowercase 0x address (0x + 40 hex digits), got " + quote(value));
    }
    return value;
  }

  static String name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw PlacementException.invalid(
          field + " must match [a-z0-9][a-z0-9._-]{0,63}, got " + quote(value));
    }
    return value;
  }

  static String tenant(String value) {
    if (value == null || !TENANT.matcher(value).matches()) {
      throw PlacementException.invalid(
          "tenantId must match [A-Za-z0-9][A-Za-z0-9._:-]{0,127}, got " + quote(value));
    }
    return value;
  }

  static String version(String field, String value) {
    if (value == null || !VERSION.matcher(value).matches()) {
      throw PlacementException.invalid(
          field + " must be 1-64 printable ASCII characters, got " + quote(value));
    }
    return value;
  }

  static String segment(String value) {
    if (value == null || !SEGMENT.matcher(value).matches()) {
      throw PlacementException.invalid(
          "segmentId must be 1-256 printable ASCII characters, got " + quote(value));
    }
    return value;
  }

  static String endpoint(String value) {
    if (value == null || value.length() > 512) {
      throw PlacementException.invalid("endpoint must be an http(s) URL of at most 512 characters");
    }
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw PlacementException.invalid("endpoint must be an http(s) URL, got " + quote(value));
      }
    } catch (URISyntaxException e) {
      throw PlacementException.invalid("endpoint is not a URL: " + quote(value));
    }
    return value;
  }

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw PlacementException.invalid(field + " must be >= 0, got " + value);
    }
    return value;
  }

  static long positive(String field, long value) {
    if (value <= 0) {
      throw PlacementException.invalid(field + " must be > 0, got " + value);
    }
    return value;
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw PlacementException.invalid(field + " is missing");
    }
    return value;
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return '"' + shown + '"';
  }
}
