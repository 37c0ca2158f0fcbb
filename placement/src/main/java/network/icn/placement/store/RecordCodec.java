package network.icn.placement.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import network.icn.placement.api.Booking;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;

/**
 * The stored encoding: one version byte, then fields in a fixed order ({@code writeUTF} strings,
 * big-endian longs, instants as epoch millis, enums by name). A reader refuses versions it does not
 * know rather than guess.
 */
public final class RecordCodec {
  static final byte NODE_V1 = 1;
  static final byte BOOKING_V1 = 1;

  private RecordCodec() {}

  public static byte[] encodeNode(NodeRecord n) {
    return write(
        out -> {
          out.writeByte(NODE_V1);
          out.writeUTF(n.nodeId());
          out.writeUTF(n.hpId());
          out.writeUTF(n.region());
          out.writeUTF(n.site());
          out.writeUTF(n.hardwareClass());
          out.writeUTF(n.endpoint());
          out.writeLong(n.capacityBytes());
          out.writeLong(n.usedBytes());
          out.writeLong(n.freeBytes());
          out.writeUTF(n.state().name());
          out.writeLong(n.lastHeartbeat().toEpochMilli());
          out.writeUTF(n.softwareVersion());
          out.writeLong(n.shardCount());
          out.writeLong(n.diskErrors());
          out.writeLong(n.corruptShards());
          out.writeLong(n.uptimeSeconds());
          out.writeLong(n.registeredAt().toEpochMilli());
          out.writeLong(n.lastRegistrationMillis());
          out.writeLong(n.lastHeartbeatMillis());
        });
  }

  public static NodeRecord decodeNode(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != NODE_V1) {
        throw corrupt("node record version " + version + " is unknown");
      }
      return new NodeRecord(
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readLong(),
          in.readLong(),
          in.readLong(),
          NodeState.valueOf(in.readUTF()),
          Instant.ofEpochMilli(in.readLong()),
          in.readUTF(),
          in.readLong(),
          in.readLong(),
          in.readLong(),
          in.readLong(),
          Instant.ofEpochMilli(in.readLong()),
          in.readLong(),
          in.readLong());
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt("node record is corrupt: " + e);
    }
  }

  public static byte[] encodeBooking(Booking b) {
    return write(
        out -> {
          out.writeByte(BOOKING_V1);
          out.writeUTF(b.bookingId());
          out.writeUTF(b.tenantId());
          out.writeUTF(b.region());
          out.writeLong(b.units());
          out.writeLong(b.bytes());
          out.writeLong(b.termStart().toEpochMilli());
          out.writeLong(b.termEnd().toEpochMilli());
          out.writeLong(b.createdAt().toEpochMilli());
        });
  }

  public static Booking decodeBooking(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != BOOKING_V1) {
        throw corrupt("booking record version " + version + " is unknown");
      }
      return new Booking(
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readLong(),
          in.readLong(),
          Instant.ofEpochMilli(in.readLong()),
          Instant.ofEpochMilli(in.readLong()),
          Instant.ofEpochMilli(in.readLong()));
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt("booking record is corrupt: " + e);
    }
  }

  public static byte[] encodeLong(long value) {
    return write(out -> out.writeLong(value));
  }

  public static long decodeLong(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      throw corrupt("usage value has " + bytes.length + " bytes, expected 8");
    }
    long v = 0;
    for (byte b : bytes) {
      v = (v << 8) | (b & 0xff);
    }
    return v;
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    var bytes = new ByteArrayOutputStream(128);
    try (var out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static PlacementException corrupt(String message) {
    return new PlacementException(PlacementError.STORAGE_FAILURE, message);
  }
}
