package network.icn.agent.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;

/**
 * The on-disk format of one shard file, version 1 (big-endian throughout):
 *
 * <pre>
 * header
 *   0  magic "ICNS"          4 bytes
 *   4  format version        u16 (1)
 *   6  flags                 u16 (0, reserved)
 *   8  header length         u32 (bytes, including the trailing header CRC)
 *   12 chunk size            u32
 *   16 data size             u64
 *   24 chunk count           u32
 *   28 created (epoch ms)    u64
 *   36 merkle root           32 bytes
 *   68 id length             u16
 *   70 id                    ASCII bytes
 *   .. chunk CRC32Cs         chunk count x u32
 *   .. header CRC32C         u32 over every header byte before it
 * data                       data size bytes (the shard, unchanged)
 * footer
 *   magic "ICNE"             4 bytes
 *   header CRC32C again      u32 (a torn or truncated file fails this check)
 * </pre>
 *
 * A reader rejects unknown versions; a future version bumps the number and keeps a reader for 1.
 */
final class ShardFileFormat {
  static final int MAGIC = 0x49434E53; // "ICNS"
  static final int FOOTER_MAGIC = 0x49434E45; // "ICNE"
  static final int VERSION = 1;
  static final int FIXED_HEADER = 70;
  static final int FOOTER_LENGTH = 8;

  private ShardFileFormat() {}

  static int headerLength(ShardId id, ShardSpec spec) {
    return FIXED_HEADER + id.value().length() + 4 * spec.chunkCount() + 4;
  }

  /** Total file length of a shard. */
  static long fileLength(ShardId id, ShardSpec spec) {
    return headerLength(id, spec) + spec.size() + FOOTER_LENGTH;
  }

  static ByteBuffer encodeHeader(ShardId id, ShardSpec spec, long createdMillis) {
    byte[] idBytes = id.value().getBytes(StandardCharsets.US_ASCII);
    int length = headerLength(id, spec);
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
    buf.putInt(MAGIC);
    buf.putShort((short) VERSION);
    buf.putShort((short) 0);
    buf.putInt(length);
    buf.putInt(spec.chunkSize());
    buf.putLong(spec.size());
    buf.putInt(spec.chunkCount());
    buf.putLong(createdMillis);
    buf.put(spec.merkleRoot().bytes());
    buf.putShort((short) idBytes.length);
    buf.put(idBytes);
    for (int i = 0; i < spec.chunkCount(); i++) {
      buf.putInt(spec.chunkCrcs().get(i));
    }
    buf.putInt(crc(buf.array(), 0, length - 4));
    return buf.flip();
  }

  static ByteBuffer encodeFooter(ByteBuffer header) {
    ByteBuffer footer = ByteBuffer.allocate(FOOTER_LENGTH);
    footer.putInt(FOOTER_MAGIC);
    footer.putInt(header.getInt(header.limit() - 4));
    return footer.flip();
  }

  /** Reads the fixed part to learn the header length; returns it. */
  static int headerLengthOf(ByteBuffer fixed, String where) {
    if (fixed.remaining() < FIXED_HEADER || fixed.getInt(0) != MAGIC) {
      throw corrupt(where, "bad magic");
    }
    int version = Short.toUnsignedInt(fixed.getShort(4));
    if (version != VERSION) {
      throw corrupt(where, "unsupported format version " + version);
    }
    int length = fixed.getInt(8);
    if (length < FIXED_HEADER + 4 || length > FIXED_HEADER + 200 + 4 * (1 << 22) + 4) {
      throw corrupt(where, "implausible header length " + length);
    }
    return length;
  }

  /** A decoded, CRC-checked header. */
  record Header(ShardInfo info, int length, int headerCrc) {}

  static Header decodeHeader(ByteBuffer header, String where) {
    int length = headerLengthOf(header, where);
    if (header.remaining() < length) {
      throw corrupt(where, "truncated header");
    }
    byte[] bytes = new byte[length];
    header.duplicate().get(bytes);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    int storedCrc = buf.getInt(length - 4);
    if (storedCrc != crc(bytes, 0, length - 4)) {
      throw corrupt(where, "header CRC32C mismatch");
    }
    try {
      buf.position(12);
      int chunkSize = buf.getInt();
      long size = buf.getLong();
      int chunkCount = buf.getInt();
      long created = buf.getLong();
      byte[] root = new byte[32];
      buf.get(root);
      int idLength = Short.toUnsignedInt(buf.getShort());
      byte[] idBytes = new byte[idLength];
      buf.get(idBytes);
      int[] crcs = new int[chunkCount];
      for (int i = 0; i < chunkCount; i++) {
        crcs[i] = buf.getInt();
      }
      ShardSpec spec = new ShardSpec(size, chunkSize, ChunkChecksums.of(crcs), MerkleRoot.of(root));
      ShardId id = new ShardId(new String(idBytes, StandardCharsets.US_ASCII));
      return new Header(new ShardInfo(id, spec, created), length, storedCrc);
    } catch (RuntimeException e) {
      throw corrupt(where, "malformed header: " + e.getMessage());
    }
  }

  static void checkFooter(ByteBuffer footer, int headerCrc, String where) {
    if (footer.remaining() != FOOTER_LENGTH
        || footer.getInt(0) != FOOTER_MAGIC
        || footer.getInt(4) != headerCrc) {
      throw corrupt(where, "bad footer (torn or truncated file)");
    }
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  private static AgentException corrupt(String where, String why) {
    return new AgentException(AgentError.CORRUPT_SHARD, where + ": " + why);
  }
}
