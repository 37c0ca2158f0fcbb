package network.icn.agent.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardSpec;

/**
 * The on-disk format of one shard file (big-endian throughout). Version 2 is written; version 1 is
 * still read.
 *
 * <p>Version 2 keeps the chunk CRC32Cs after the data, so a shard whose size and CRCs are known
 * only at the end of the stream is written in one pass: the header's place is reserved, the data
 * streams in, the CRC table and footer are appended, and the header is written last at offset 0.
 *
 * <pre>
 * header (fixed length: 74 + id length)
 *   0  magic "ICNS"          4 bytes
 *   4  format version        u16 (2)
 *   6  flags                 u16 (0, reserved)
 *   8  header length         u32 (bytes, including the trailing header CRC) = data offset
 *   12 chunk size            u32
 *   16 data size             u64
 *   24 chunk count           u32
 *   28 created (epoch ms)    u64
 *   36 merkle root           32 bytes
 *   68 id length             u16
 *   70 id                    ASCII bytes
 *   .. header CRC32C         u32 over every header byte before it, then over the CRC table
 * data                       data size bytes (the shard, unchanged)
 * footer
 *   chunk CRC32Cs            chunk count x u32
 *   magic "ICNE"             4 bytes
 *   header CRC32C again      u32 (a torn or truncated file fails this check)
 * </pre>
 *
 * Version 1 had the chunk CRC32Cs inside the header, just before the header CRC (which covered
 * them), and a footer of only {@code "ICNE"} + header CRC. A reader rejects unknown versions.
 */
final class ShardFileFormat {
  static final int MAGIC = 0x49434E53; // "ICNS"
  static final int FOOTER_MAGIC = 0x49434E45; // "ICNE"
  static final int VERSION = 2;
  static final int VERSION_1 = 1;
  static final int FIXED_HEADER = 70;
  static final int FOOTER_LENGTH = 8;
  private static final int MAX_CHUNKS = 1 << 22;

  private ShardFileFormat() {}

  /** Length of a version 2 header, which depends only on the id: the data offset. */
  static int headerLength(ShardId id) {
    return FIXED_HEADER + id.value().length() + 4;
  }

  /** Total file length of a version 2 shard of {@code size} bytes in {@code chunkCount} chunks. */
  static long fileLength(ShardId id, long size, long chunkCount) {
    return headerLength(id) + size + 4 * chunkCount + FOOTER_LENGTH;
  }

  static long fileLength(ShardId id, ShardSpec spec) {
    return fileLength(id, spec.size(), spec.chunkCount());
  }

  /** A version 2 file's header (written at offset 0) and tail (written after the data). */
  record Encoded(ByteBuffer header, ByteBuffer tail) {}

  static Encoded encode(ShardId id, ShardSpec spec, long createdMillis) {
    byte[] idBytes = id.value().getBytes(StandardCharsets.US_ASCII);
    int length = headerLength(id);
    ByteBuffer header = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
    header.putInt(MAGIC);
    header.putShort((short) VERSION);
    header.putShort((short) 0);
    header.putInt(length);
    header.putInt(spec.chunkSize());
    header.putLong(spec.size());
    header.putInt(spec.chunkCount());
    header.putLong(createdMillis);
    header.put(spec.merkleRoot().bytes());
    header.putShort((short) idBytes.length);
    header.put(idBytes);
    ByteBuffer tail = ByteBuffer.allocate(4 * spec.chunkCount() + FOOTER_LENGTH);
    for (int i = 0; i < spec.chunkCount(); i++) {
      tail.putInt(spec.chunkCrcs().get(i));
    }
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, length - 4);
    crc.update(tail.array(), 0, 4 * spec.chunkCount());
    int headerCrc = (int) crc.getValue();
    header.putInt(headerCrc);
    tail.putInt(FOOTER_MAGIC);
    tail.putInt(headerCrc);
    return new Encoded(header.flip(), tail.flip());
  }

  /**
   * A version 1 header (chunk CRCs inside). Only tests write it now, to prove old files still read.
   */
  static ByteBuffer encodeHeaderV1(ShardId id, ShardSpec spec, long createdMillis) {
    byte[] idBytes = id.value().getBytes(StandardCharsets.US_ASCII);
    int length = FIXED_HEADER + idBytes.length + 4 * spec.chunkCount() + 4;
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
    buf.putInt(MAGIC);
    buf.putShort((short) VERSION_1);
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

  /** The version 1 footer for {@code header}. */
  static ByteBuffer encodeFooterV1(ByteBuffer header) {
    ByteBuffer footer = ByteBuffer.allocate(FOOTER_LENGTH);
    footer.putInt(FOOTER_MAGIC);
    footer.putInt(header.getInt(header.limit() - 4));
    return footer.flip();
  }

  /**
   * A decoded, CRC-checked header.
   *
   * @param dataOffset where the shard's bytes start
   * @param fileLength the length the file must have
   */
  record Header(ShardInfo info, long dataOffset, int headerCrc, long fileLength) {}

  /** Reads and checks a shard file's header (and, for version 2, its CRC table). */
  static Header read(FileChannel channel, String where) throws IOException {
    ByteBuffer fixed = ByteBuffer.allocate(FIXED_HEADER);
    readFully(channel, fixed, 0);
    fixed.flip();
    if (fixed.getInt(0) != MAGIC) {
      throw corrupt(where, "bad magic");
    }
    int version = Short.toUnsignedInt(fixed.getShort(4));
    int length = fixed.getInt(8);
    return switch (version) {
      case VERSION_1 -> readV1(channel, length, where);
      case VERSION -> readV2(channel, fixed, length, where);
      default -> throw corrupt(where, "unsupported format version " + version);
    };
  }

  private static Header readV1(FileChannel channel, int length, String where) throws IOException {
    if (length < FIXED_HEADER + 4 || length > FIXED_HEADER + 200 + 4 * MAX_CHUNKS + 4) {
      throw corrupt(where, "implausible header length " + length);
    }
    ByteBuffer header = ByteBuffer.allocate(length);
    readFully(channel, header, 0);
    byte[] bytes = header.array();
    int storedCrc = header.getInt(length - 4);
    if (storedCrc != crc(bytes, 0, length - 4)) {
      throw corrupt(where, "header CRC32C mismatch");
    }
    try {
      int chunkCount = header.getInt(24);
      int idLength = Short.toUnsignedInt(header.getShort(68));
      int[] crcs = new int[chunkCount];
      ByteBuffer table = header.slice(FIXED_HEADER + idLength, 4 * chunkCount);
      for (int i = 0; i < chunkCount; i++) {
        crcs[i] = table.getInt();
      }
      ShardInfo info = decodeFields(header, crcs);
      return new Header(info, length, storedCrc, length + info.size() + FOOTER_LENGTH);
    } catch (RuntimeException e) {
      throw corrupt(where, "malformed header: " + e.getMessage());
    }
  }

  private static Header readV2(FileChannel channel, ByteBuffer fixed, int length, String where)
      throws IOException {
    int idLength = Short.toUnsignedInt(fixed.getShort(68));
    if (length != FIXED_HEADER + idLength + 4) {
      throw corrupt(where, "implausible header length " + length);
    }
    long size = fixed.getLong(16);
    int chunkCount = fixed.getInt(24);
    if (size <= 0 || chunkCount <= 0 || chunkCount > MAX_CHUNKS) {
      throw corrupt(where, "implausible size " + size + " or chunk count " + chunkCount);
    }
    ByteBuffer header = ByteBuffer.allocate(length);
    readFully(channel, header, 0);
    ByteBuffer table = ByteBuffer.allocate(4 * chunkCount);
    readFully(channel, table, length + size);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, length - 4);
    crc.update(table.array());
    int storedCrc = header.getInt(length - 4);
    if (storedCrc != (int) crc.getValue()) {
      throw corrupt(where, "header CRC32C mismatch");
    }
    try {
      int[] crcs = new int[chunkCount];
      table.flip();
      for (int i = 0; i < chunkCount; i++) {
        crcs[i] = table.getInt();
      }
      ShardInfo info = decodeFields(header, crcs);
      return new Header(info, length, storedCrc, fileLength(info.id(), size, chunkCount));
    } catch (RuntimeException e) {
      throw corrupt(where, "malformed header: " + e.getMessage());
    }
  }

  /** The fields both versions share, at the same offsets. */
  private static ShardInfo decodeFields(ByteBuffer header, int[] crcs) {
    int chunkSize = header.getInt(12);
    long size = header.getLong(16);
    long created = header.getLong(28);
    byte[] root = new byte[32];
    header.get(36, root);
    int idLength = Short.toUnsignedInt(header.getShort(68));
    byte[] idBytes = new byte[idLength];
    header.get(70, idBytes);
    ShardSpec spec = new ShardSpec(size, chunkSize, ChunkChecksums.of(crcs), MerkleRoot.of(root));
    ShardId id = new ShardId(new String(idBytes, StandardCharsets.US_ASCII));
    return new ShardInfo(id, spec, created);
  }

  static void checkFooter(ByteBuffer footer, int headerCrc, String where) {
    if (footer.remaining() != FOOTER_LENGTH
        || footer.getInt(0) != FOOTER_MAGIC
        || footer.getInt(4) != headerCrc) {
      throw corrupt(where, "bad footer (torn or truncated file)");
    }
  }

  static void readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        throw new AgentException(AgentError.CORRUPT_SHARD, "shard file is truncated");
      }
      pos += n;
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
