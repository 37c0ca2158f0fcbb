package network.icn.placement.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.icn.placement.api.Booking;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * RocksDB store with column families {@code nodes} (node id → node record), {@code bookings}
 * (booking id → booking) and {@code usage} (tenant \0 region → used bytes). Every write goes to the
 * WAL, so a process crash loses nothing. Bookings are also fsync'd (rare, and money); node records
 * (every heartbeat) and usage (every placement) are not, so a machine crash can lose the last
 * moments of telemetry and usage increments (see the README, Decisions).
 */
public final class RocksDbPlacementStore implements PlacementStore {
  private static final byte[] NODES = "nodes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BOOKINGS = "bookings".getBytes(StandardCharsets.UTF_8);
  private static final byte[] USAGE = "usage".getBytes(StandardCharsets.UTF_8);

  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions syncWrites;
  private final WriteOptions fastWrites;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final RocksDB db;
  private final ColumnFamilyHandle nodes;
  private final ColumnFamilyHandle bookings;
  private final ColumnFamilyHandle usage;

  private RocksDbPlacementStore(Path dir) throws RocksDBException {
    RocksDB.loadLibrary();
    dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    cfOptions = new ColumnFamilyOptions();
    syncWrites = new WriteOptions().setSync(true);
    fastWrites = new WriteOptions();
    List<ColumnFamilyDescriptor> descriptors =
        List.of(
            new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
            new ColumnFamilyDescriptor(NODES, cfOptions),
            new ColumnFamilyDescriptor(BOOKINGS, cfOptions),
            new ColumnFamilyDescriptor(USAGE, cfOptions));
    db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
    nodes = handles.get(1);
    bookings = handles.get(2);
    usage = handles.get(3);
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  public static RocksDbPlacementStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      return new RocksDbPlacementStore(dir);
    } catch (RocksDBException | java.io.IOException e) {
      throw new PlacementException(
          PlacementError.STORAGE_FAILURE, "cannot open RocksDB in " + dir + ": " + e, e);
    }
  }

  @Override
  public List<NodeRecord> loadNodes() {
    return scan(nodes, (key, value) -> RecordCodec.decodeNode(value));
  }

  @Override
  public void putNode(NodeRecord node) {
    put(nodes, node.nodeId().getBytes(StandardCharsets.UTF_8), RecordCodec.encodeNode(node), false);
  }

  @Override
  public List<Booking> loadBookings() {
    return scan(bookings, (key, value) -> RecordCodec.decodeBooking(value));
  }

  @Override
  public void putBooking(Booking booking) {
    put(
        bookings,
        booking.bookingId().getBytes(StandardCharsets.UTF_8),
        RecordCodec.encodeBooking(booking),
        true);
  }

  @Override
  public Map<TenantRegion, Long> loadUsage() {
    Map<TenantRegion, Long> out = new HashMap<>();
    scan(
        usage,
        (key, value) -> {
          out.put(TenantRegion.fromKey(key), RecordCodec.decodeLong(value));
          return null;
        });
    return Map.copyOf(out);
  }

  @Override
  public void putUsage(TenantRegion key, long usedBytes) {
    put(usage, key.key(), RecordCodec.encodeLong(usedBytes), false);
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    syncWrites.close();
    fastWrites.close();
    cfOptions.close();
    dbOptions.close();
  }

  private interface Decoder<T> {
    T decode(byte[] key, byte[] value);
  }

  private <T> List<T> scan(ColumnFamilyHandle cf, Decoder<T> decoder) {
    List<T> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(cf)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        T value = decoder.decode(it.key(), it.value());
        if (value != null) {
          out.add(value);
        }
      }
      it.status();
    } catch (RocksDBException e) {
      throw failure("scan", e);
    }
    return List.copyOf(out);
  }

  private void put(ColumnFamilyHandle cf, byte[] key, byte[] value, boolean sync) {
    try {
      db.put(cf, sync ? syncWrites : fastWrites, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  private static PlacementException failure(String what, RocksDBException e) {
    return new PlacementException(PlacementError.STORAGE_FAILURE, "RocksDB " + what + ": " + e, e);
  }
}
