package network.icn.placement.api;

import java.util.List;

/**
 * Booked versus used capacity in a region, per tenant and per node.
 *
 * @param capacityBytes total capacity of the region's nodes that are not decommissioned
 * @param usedBytes their used bytes as last reported
 * @param bookedBytes the sum of all bookings in force
 * @param placedBytes raw shard bytes placed for all tenants
 */
public record Utilisation(
    String region,
    long capacityBytes,
    long usedBytes,
    long freeBytes,
    long bookedBytes,
    long placedBytes,
    List<TenantUtilisation> tenants,
    List<NodeUtilisation> nodes) {
  public Utilisation {
    tenants = List.copyOf(tenants);
    nodes = List.copyOf(nodes);
  }
}
