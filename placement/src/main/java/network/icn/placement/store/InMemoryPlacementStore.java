package network.icn.placement.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.placement.api.Booking;

/** A store that forgets on close; for tests and benchmarks. Encodes records like the real one. */
public final class InMemoryPlacementStore implements PlacementStore {
  private final Map<String, byte[]> nodes = new ConcurrentHashMap<>();
  private final Map<String, byte[]> bookings = new ConcurrentHashMap<>();
  private final Map<TenantRegion, Long> usage = new ConcurrentHashMap<>();

  @Override
  public List<NodeRecord> loadNodes() {
    return nodes.values().stream().map(RecordCodec::decodeNode).toList();
  }

  @Override
  public void putNode(NodeRecord node) {
    nodes.put(node.nodeId(), RecordCodec.encodeNode(node));
  }

  @Override
  public List<Booking> loadBookings() {
    return bookings.values().stream().map(RecordCodec::decodeBooking).toList();
  }

  @Override
  public void putBooking(Booking booking) {
    bookings.put(booking.bookingId(), RecordCodec.encodeBooking(booking));
  }

  @Override
  public Map<TenantRegion, Long> loadUsage() {
    return Map.copyOf(usage);
  }

  @Override
  public void putUsage(TenantRegion key, long usedBytes) {
    usage.put(key, usedBytes);
  }

  @Override
  public void close() {}
}
