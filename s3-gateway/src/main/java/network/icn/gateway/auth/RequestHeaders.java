package network.icn.gateway.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request headers as received: a case-insensitive multi-map that keeps the order of repeated
 * values. Names are stored lowercased.
 *
 * @param values lowercased name to the values in arrival order; never empty lists
 */
public record RequestHeaders(Map<String, List<String>> values) {
  public RequestHeaders {
    Objects.requireNonNull(values, "values");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach(
        (name, list) -> {
          Objects.requireNonNull(name, "header name");
          if (list.isEmpty()) {
            throw new IllegalArgumentException("header " + name + " has no values");
          }
          copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .addAll(list.stream().map(v -> Objects.requireNonNull(v, "header value")).toList());
        });
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    copy.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
    values = java.util.Collections.unmodifiableMap(frozen);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Headers from alternating names and values: {@code of("Host", "h", "Range", "bytes=0-9")}. */
  public static RequestHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Builder builder = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  /** All values of a header, in arrival order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    List<String> list = all(name);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
  }

  public boolean contains(String name) {
    return values.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Collects headers in arrival order. */
  public static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String name, String value) {
      values
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    public RequestHeaders build() {
      return new RequestHeaders(values);
    }
  }
}
