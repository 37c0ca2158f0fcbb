package network.icn.agent.client;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shard's id as the gateway names it: 1 to 200 characters from {@code [A-Za-z0-9_-]}. The
 * alphabet keeps ids safe as file names and URL path segments without escaping.
 */
public record ShardId(String value) implements Comparable<ShardId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  public ShardId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "shard id must be 1..200 characters of [A-Za-z0-9_-], got '" + abbreviate(value) + "'");
    }
  }

  /** Parses an id, or returns {@code null} if it is not a valid id (for request routing). */
  public static ShardId parseOrNull(String value) {
    return value != null && VALID.matcher(value).matches() ? new ShardId(value) : null;
  }

  @Override
  public int compareTo(ShardId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
