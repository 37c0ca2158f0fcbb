package network.icn.gateway.metadata;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the primitives {@link BinaryWriter} writes. Every malformation (truncation, over-long
 * varint, bad UTF-8, impossible length) is a {@link MetadataError#CORRUPT_RECORD} naming the record
 * type.
 */
final class BinaryReader {
  private final byte[] bytes;
  private final String what;
  private int position;

  BinaryReader(byte[] bytes, String what) {
    this.bytes = bytes;
    this.what = what;
  }

  MetadataException corrupt(String detail) {
    return new MetadataException(
        MetadataError.CORRUPT_RECORD,
        what + " record is corrupt at byte " + position + ": " + detail);
  }

  private void need(long count) {
    if (count < 0 || count > bytes.length - position) {
      throw corrupt("needs " + count + " more bytes, " + (bytes.length - position) + " left");
    }
  }

  int u8() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  long varLong() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  int varInt() {
    long value = varLong();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw corrupt("varint " + value + " out of int range");
    }
    return (int) value;
  }

  long zigZag() {
    long raw = varLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  int int32() {
    need(4);
    int value =
        (bytes[position] & 0xFF) << 24
            | (bytes[position + 1] & 0xFF) << 16
            | (bytes[position + 2] & 0xFF) << 8
            | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  byte[] raw(int count) {
    need(count);
    byte[] out = new byte[count];
    System.arraycopy(bytes, position, out, 0, count);
    position += count;
    return out;
  }

  byte[] bytes() {
    return raw(varInt());
  }

  byte[] nullableBytes() {
    int lengthPlusOne = varInt();
    return lengthPlusOne == 0 ? null : raw(lengthPlusOne - 1);
  }

  String string() {
    return utf8(bytes());
  }

  String nullableString() {
    byte[] raw = nullableBytes();
    return raw == null ? null : utf8(raw);
  }

  private String utf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw corrupt("invalid UTF-8");
    }
  }

  Instant instant() {
    long seconds = zigZag();
    int nanos = varInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException | ArithmeticException e) {
      throw corrupt("instant out of range");
    }
  }

  /** A count that must fit in the bytes left (each element takes at least one byte). */
  int count() {
    int count = varInt();
    if (count > bytes.length - position) {
      throw corrupt("count " + count + " exceeds the bytes left");
    }
    return count;
  }

  Map<String, String> map() {
    int count = count();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      out.put(string(), string());
    }
    return out;
  }

  /** Fails unless every byte was read. */
  void end() {
    if (position != bytes.length) {
      throw corrupt((bytes.length - position) + " trailing bytes");
    }
  }
}
