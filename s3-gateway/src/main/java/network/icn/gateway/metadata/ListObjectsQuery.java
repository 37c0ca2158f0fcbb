package network.icn.gateway.metadata;

/**
 * A ListObjects (V1 or V2) page request.
 *
 * <p>The result is the sorted sequence of entries, where an entry is a key that has no delimiter
 * after the prefix, or a common prefix (prefix up to and including the first delimiter after it),
 * ordered by UTF-8 bytes (a common prefix sorts at its own value, which is below all its members).
 * A page holds the first {@code maxKeys} entries strictly greater than {@code marker}. So
 * StartAfter, V1 Marker and a V2 continuation token are the same thing here: the last entry seen. A
 * marker inside a common prefix (e.g. {@code a/b} for {@code a/}) means that prefix was already
 * passed.
 *
 * @param prefix only keys starting with it ({@code ""} for all)
 * @param delimiter roll keys up at it ({@code ""} for none); any string, multi-byte allowed
 * @param marker exclusive lower bound ({@code ""} for none)
 * @param maxKeys at most this many entries (keys plus common prefixes), 0..1000 is S3's range
 */
public record ListObjectsQuery(String prefix, String delimiter, String marker, int maxKeys) {
  public ListObjectsQuery {
    prefix = Check.optionalKeyPart(prefix, "prefix");
    delimiter = Check.optionalKeyPart(delimiter, "delimiter");
    marker = Check.optionalKeyPart(marker, "marker");
    if (maxKeys < 0) {
      throw Check.invalid("max keys must be >= 0, got " + maxKeys);
    }
  }

  public static ListObjectsQuery all(int maxKeys) {
    return new ListObjectsQuery("", "", "", maxKeys);
  }

  public ListObjectsQuery after(String newMarker) {
    return new ListObjectsQuery(prefix, delimiter, newMarker, maxKeys);
  }
}
