package network.icn.placement.api;

import java.time.Instant;

/**
 * A tenant books {@code units} ScalerNode units of capacity in a region for a term.
 *
 * @param termStart inclusive
 * @param termEnd exclusive; after it the booking no longer allows placement
 */
public record BookingRequest(
    String tenantId, String region, long units, Instant termStart, Instant termEnd) {
  public BookingRequest {
    Validation.tenant(tenantId);
    Validation.name("region", region);
    Validation.positive("units", units);
    Validation.present("termStart", termStart);
    Validation.present("termEnd", termEnd);
    if (!termEnd.isAfter(termStart)) {
      throw PlacementException.invalid("termEnd must be after termStart");
    }
  }
}
