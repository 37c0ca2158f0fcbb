package network.icn.placement.store;

import java.util.List;
import java.util.Map;
import network.icn.placement.api.Booking;

/**
 * Durable state of placement. Everything is loaded once at start and kept in memory; every change
 * is written through. Implementations are thread-safe.
 */
public interface PlacementStore extends AutoCloseable {

  List<NodeRecord> loadNodes();

  void putNode(NodeRecord node);

  List<Booking> loadBookings();

  void putBooking(Booking booking);

  Map<TenantRegion, Long> loadUsage();

  void putUsage(TenantRegion key, long usedBytes);

  @Override
  void close();
}
