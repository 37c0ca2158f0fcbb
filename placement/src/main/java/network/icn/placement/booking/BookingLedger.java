package network.icn.placement.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.TenantUtilisation;
import network.icn.placement.store.PlacementStore;
import network.icn.placement.store.TenantRegion;

/**
 * Bookings and usage per tenant and region. A tenant may place shards in a region while the sum of
 * its bookings in force covers its used bytes plus the new shards. Used bytes are raw shard bytes
 * (data and parity), since that is the capacity the nodes give up.
 */
public final class BookingLedger {
  private final PlacementStore store;
  private final long unitBytes;
  private final Clock clock;
  private final RandomGenerator ids;
  private final Map<String, List<Booking>> byTenant = new ConcurrentHashMap<>();
  private final Map<TenantRegion, Long> used = new ConcurrentHashMap<>();

  /**
   * @param unitBytes bytes of one ScalerNode unit
   * @param ids source of booking ids (seeded in tests)
   */
  public BookingLedger(PlacementStore store, long unitBytes, Clock clock, RandomGenerator ids) {
    if (unitBytes <= 0) {
      throw new IllegalArgumentException("unit bytes must be > 0");
    }
    this.store = Objects.requireNonNull(store, "store");
    this.unitBytes = unitBytes;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    for (Booking booking : store.loadBookings()) {
      byTenant.computeIfAbsent(booking.tenantId(), k -> new ArrayList<>()).add(booking);
    }
    byTenant.replaceAll((k, v) -> sorted(v));
    used.putAll(store.loadUsage());
  }

  public long unitBytes() {
    return unitBytes;
  }

  /** Records a booking. Its term must not have ended already. */
  public Booking book(BookingRequest request) {
    Instant now = clock.instant();
    if (!request.termEnd().isAfter(now)) {
      throw new PlacementException(
          PlacementError.INVALID_REQUEST, "booking term ended already (" + request.termEnd() + ")");
    }
    long bytes;
    try {
      bytes = Math.multiplyExact(request.units(), unitBytes);
    } catch (ArithmeticException e) {
      throw new PlacementException(PlacementError.INVALID_REQUEST, "too many units");
    }
    String id;
    synchronized (ids) {
      id = "bk-" + HexFormat.of().toHexDigits(ids.nextLong());
    }
    Booking booking =
        new Booking(
            id,
            request.tenantId(),
            request.region(),
            request.units(),
            bytes,
            request.termStart(),
            request.termEnd(),
            now);
    store.putBooking(booking);
    byTenant.merge(
        request.tenantId(),
        List.of(booking),
        (a, b) -> {
          List<Booking> all = new ArrayList<>(a);
          all.addAll(b);
          return sorted(all);
        });
    return booking;
  }

  /** A tenant's bookings, oldest first. */
  public List<Booking> bookings(String tenantId) {
    return byTenant.getOrDefault(tenantId, List.of());
  }

  /**
   * Charges {@code bytes} to the tenant in the region.
   *
   * @throws PlacementException {@code NO_BOOKING} if no booking is in force, {@code
   *     BOOKING_EXCEEDED} if the charge would exceed the booked bytes
   */
  public void charge(String tenantId, String region, long bytes) {
    Instant now = clock.instant();
    TenantRegion key = new TenantRegion(tenantId, region);
    used.compute(
        key,
        (k, current) -> {
          long usedBytes = current == null ? 0 : current;
          long booked = bookedBytes(tenantId, region, now);
          if (booked == 0) {
            throw noBooking(tenantId, region, now);
          }
          if (usedBytes + bytes > booked) {
            throw new PlacementException(
                PlacementError.BOOKING_EXCEEDED,
                "tenant "
                    + tenantId
                    + " has booked "
                    + booked
                    + " bytes in "
                    + region
                    + " and uses "
                    + usedBytes
                    + "; "
                    + bytes
                    + " more do not fit");
          }
          long next = usedBytes + bytes;
          store.putUsage(k, next);
          return next;
        });
  }

  /** Gives back bytes charged for a placement that did not happen. */
  public void refund(String tenantId, String region, long bytes) {
    used.computeIfPresent(
        new TenantRegion(tenantId, region),
        (k, current) -> {
          long next = Math.max(0, current - bytes);
          store.putUsage(k, next);
          return next;
        });
  }

  /** Booked and used capacity of every tenant with a booking or usage in the region. */
  public List<TenantUtilisation> utilisation(String region) {
    Instant now = clock.instant();
    List<TenantUtilisation> out = new ArrayList<>();
    java.util.Set<String> tenants = new java.util.TreeSet<>();
    byTenant.forEach(
        (tenant, list) -> {
          if (list.stream().anyMatch(b -> b.region().equals(region))) {
            tenants.add(tenant);
          }
        });
    used.keySet().stream()
        .filter(k -> k.region().equals(region))
        .forEach(k -> tenants.add(k.tenantId()));
    for (String tenant : tenants) {
      long units = 0;
      for (Booking b : bookings(tenant)) {
        if (b.region().equals(region) && b.activeAt(now)) {
          units += b.units();
        }
      }
      out.add(
          new TenantUtilisation(
              tenant,
              units,
              bookedBytes(tenant, region, now),
              used.getOrDefault(new TenantRegion(tenant, region), 0L)));
    }
    return List.copyOf(out);
  }

  private long bookedBytes(String tenantId, String region, Instant now) {
    long sum = 0;
    for (Booking b : bookings(tenantId)) {
      if (b.region().equals(region) && b.activeAt(now)) {
        sum += b.bytes();
      }
    }
    return sum;
  }

  private PlacementException noBooking(String tenantId, String region, Instant now) {
    List<Booking> inRegion =
        bookings(tenantId).stream().filter(b -> b.region().equals(region)).toList();
    String detail;
    if (inRegion.isEmpty()) {
      detail = "has no booking in " + region;
    } else if (inRegion.stream().allMatch(b -> !b.termEnd().isAfter(now))) {
      detail =
          "has no booking in force in "
              + region
              + ": the last one ended at "
              + inRegion.stream()
                  .map(Booking::termEnd)
                  .max(Comparator.naturalOrder())
                  .orElseThrow();
    } else {
      detail = "has no booking in force in " + region + " yet (terms start later)";
    }
    return new PlacementException(PlacementError.NO_BOOKING, "tenant " + tenantId + " " + detail);
  }

  private static List<Booking> sorted(List<Booking> bookings) {
    return bookings.stream()
        .sorted(Comparator.comparing(Booking::createdAt).thenComparing(Booking::bookingId))
        .toList();
  }
}
