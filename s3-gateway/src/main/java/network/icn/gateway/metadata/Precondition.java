package network.icn.gateway.metadata;

/**
 * A condition on the current object that a write or delete checks atomically with itself. Evaluated
 * under the store's per-key lock (single-gateway atomicity; see the README).
 */
public sealed interface Precondition {
  /** Always holds. */
  record None() implements Precondition {}

  /** {@code If-None-Match: *}: the key must not exist. */
  record IfNoneMatch() implements Precondition {}

  /** {@code If-Match: etag}: the key must exist with this ETag. */
  record IfMatch(String etag) implements Precondition {
    public IfMatch {
      Check.text(etag, "If-Match etag");
    }
  }

  static Precondition none() {
    return new None();
  }

  static Precondition ifAbsent() {
    return new IfNoneMatch();
  }

  static Precondition ifMatch(String etag) {
    return new IfMatch(etag);
  }

  /** Whether the condition holds for the current record ({@code null} when absent). */
  default boolean holds(ObjectRecord current) {
    return switch (this) {
      case None none -> true;
      case IfNoneMatch ifNoneMatch -> current == null;
      case IfMatch(String etag) ->
          current != null && stripQuotes(current.etag()).equals(stripQuotes(etag));
    };
  }

  private static String stripQuotes(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }
}
