package network.icn.gateway.s3;

import java.util.List;
import java.util.Locale;

/**
 * How buckets are addressed: always path-style ({@code host/bucket/key}), and virtual-hosted-style
 * ({@code bucket.<base domain>/key}) for each configured base domain.
 *
 * @param baseDomains lowercase domains without a leading dot, e.g. {@code s3.example.com}
 */
public record Addressing(List<String> baseDomains) {
  public Addressing {
    baseDomains =
        baseDomains.stream()
            .map(d -> d.strip().toLowerCase(Locale.ROOT))
            .map(d -> d.startsWith(".") ? d.substring(1) : d)
            .filter(d -> !d.isEmpty())
            .toList();
  }

  public static Addressing pathStyleOnly() {
    return new Addressing(List.of());
  }

  /** The bucket a {@code Host} header names in virtual-hosted style, or null for path style. */
  String virtualHostBucket(String host) {
    if (host == null) {
      return null;
    }
    String h = stripPort(host.strip().toLowerCase(Locale.ROOT));
    for (String domain : baseDomains) {
      if (h.length() > domain.length() + 1 && h.endsWith("." + domain)) {
        return h.substring(0, h.length() - domain.length() - 1);
      }
    }
    return null;
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
