package network.icn.gateway.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** Appends the primitives of the record format to a growable buffer. Not thread-safe. */
final class BinaryWriter {
  private byte[] buffer;
  private int length;

  BinaryWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (length + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
    }
  }

  BinaryWriter u8(int value) {
    ensure(1);
    buffer[length++] = (byte) value;
    return this;
  }

  /** Unsigned LEB128. */
  BinaryWriter varLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[length++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[length++] = (byte) value;
    return this;
  }

  BinaryWriter varInt(int value) {
    return varLong(Integer.toUnsignedLong(value));
  }

  /** Signed values, zig-zag encoded so small negatives stay short. */
  BinaryWriter zigZag(long value) {
    return varLong((value << 1) ^ (value >> 63));
  }

  BinaryWriter int32(int value) {
    ensure(4);
    buffer[length++] = (byte) (value >>> 24);
    buffer[length++] = (byte) (value >>> 16);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
    return this;
  }

  BinaryWriter raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
    return this;
  }

  BinaryWriter bytes(byte[] bytes) {
    varInt(bytes.length);
    return raw(bytes);
  }

  /** Length + 1, with 0 meaning absent. */
  BinaryWriter nullableBytes(byte[] bytes) {
    if (bytes == null) {
      return varInt(0);
    }
    varInt(bytes.length + 1);
    return raw(bytes);
  }

  BinaryWriter string(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  BinaryWriter nullableString(String value) {
    return nullableBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  BinaryWriter instant(Instant value) {
    zigZag(value.getEpochSecond());
    return varInt(value.getNano());
  }

  BinaryWriter map(Map<String, String> map) {
    varInt(map.size());
    map.forEach(
        (k, v) -> {
          string(k);
          string(v);
        });
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, length);
  }
}
