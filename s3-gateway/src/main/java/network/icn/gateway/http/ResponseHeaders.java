package network.icn.gateway.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Response headers in the order they are added; Netty-free so the S3 layer can build them. */
public final class ResponseHeaders {
  private final List<Map.Entry<String, String>> entries = new ArrayList<>();

  /** Adds a header; {@code null} values are skipped, which keeps optional headers one-liners. */
  public ResponseHeaders add(String name, String value) {
    Objects.requireNonNull(name, "name");
    if (value != null) {
      entries.add(Map.entry(name, value));
    }
    return this;
  }

  /** Replaces every value of a header (case-insensitive) with {@code value}. */
  public ResponseHeaders set(String name, String value) {
    entries.removeIf(e -> e.getKey().equalsIgnoreCase(name));
    return add(name, value);
  }

  public List<Map.Entry<String, String>> entries() {
    return List.copyOf(entries);
  }

  /** The first value of a header (case-insensitive), or null. */
  public String first(String name) {
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
