package network.icn.gateway.metadata;

import java.util.List;

/**
 * One page of ListObjects.
 *
 * @param objects the keys of the page in order
 * @param commonPrefixes the common prefixes of the page in order
 * @param truncated whether more entries follow
 * @param nextMarker the last entry of the page (key or common prefix) when truncated, else {@code
 *     null}; pass it as the next query's marker
 */
public record ObjectListing(
    List<ObjectSummary> objects,
    List<String> commonPrefixes,
    boolean truncated,
    String nextMarker) {
  public ObjectListing {
    objects = List.copyOf(objects);
    commonPrefixes = List.copyOf(commonPrefixes);
    if (truncated != (nextMarker != null)) {
      throw Check.invalid("a listing has a next marker exactly when it is truncated");
    }
  }
}
