package network.icn.gateway.metadata;

import java.util.List;

/**
 * One page of ListParts.
 *
 * @param parts the parts in part-number order
 * @param truncated whether more parts follow
 * @param nextPartNumberMarker when truncated, the last part number of the page, else 0
 */
public record PartListing(List<PartRecord> parts, boolean truncated, int nextPartNumberMarker) {
  public PartListing {
    parts = List.copyOf(parts);
  }
}
