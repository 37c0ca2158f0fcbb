package network.icn.placement.api;

import java.time.Instant;

/**
 * A booking as recorded.
 *
 * @param bytes {@code units} × the configured unit size, fixed when booked
 */
public record Booking(
    String bookingId,
    String tenantId,
    String region,
    long units,
    long bytes,
    Instant termStart,
    Instant termEnd,
    Instant createdAt) {
  public Booking {
    Validation.present("bookingId", bookingId);
    Validation.tenant(tenantId);
    Validation.name("region", region);
    Validation.positive("units", units);
    Validation.positive("bytes", bytes);
    Validation.present("termStart", termStart);
    Validation.present("termEnd", termEnd);
    Validation.present("createdAt", createdAt);
  }

  /** Whether the term covers {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(termStart) && now.isBefore(termEnd);
  }
}
