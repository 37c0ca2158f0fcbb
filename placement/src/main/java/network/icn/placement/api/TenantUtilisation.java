package network.icn.placement.api;

/**
 * A tenant's booked and used capacity in one region.
 *
 * @param bookedBytes the sum of the tenant's bookings in force now
 * @param usedBytes raw shard bytes placed for the tenant (data and parity)
 */
public record TenantUtilisation(
    String tenantId, long bookedUnits, long bookedBytes, long usedBytes) {}
