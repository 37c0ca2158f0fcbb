package network.icn.gateway.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Store key layouts. Parts are joined with NUL, which no name, key or id may contain, so byte order
 * of store keys equals (bucket, key, ...) order, and key order is UTF-8 binary order as in S3
 * listings.
 */
final class Keys {
  private Keys() {}

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  private static final byte[] NUL = {0};

  /** {@code bucket \0}: the range of a bucket's objects or uploads. */
  static byte[] bucketRange(String bucket) {
    return concat(utf8(bucket), NUL);
  }

  static byte[] object(String bucket, String key) {
    return concat(utf8(bucket), NUL, utf8(key));
  }

  static byte[] upload(String bucket, String key, String uploadId) {
    return concat(utf8(bucket), NUL, utf8(key), NUL, utf8(uploadId));
  }

  /** {@code uploadId \0}: the range of an upload's parts. */
  static byte[] partRange(String uploadId) {
    return concat(utf8(uploadId), NUL);
  }

  static byte[] part(String uploadId, int partNumber) {
    return concat(utf8(uploadId), NUL, ByteBuffer.allocate(4).putInt(partNumber).array());
  }

  /** Time first (big-endian, so byte order is time order), then what makes the key unique. */
  static byte[] timed(Instant time, String... parts) {
    byte[] stamp =
        ByteBuffer.allocate(12).putLong(time.getEpochSecond()).putInt(time.getNano()).array();
    byte[][] all = new byte[parts.length * 2][];
    for (int i = 0; i < parts.length; i++) {
      all[2 * i] = i == 0 ? new byte[0] : NUL;
      all[2 * i + 1] = utf8(parts[i]);
    }
    return concat(stamp, concat(all));
  }

  static byte[] repair(RepairTask task) {
    return timed(task.enqueued(), task.bucket(), task.key(), task.segmentId());
  }

  static byte[] shardDeletion(ShardDeletion deletion) {
    return timed(deletion.notBefore(), deletion.nodeId(), deletion.shardId());
  }

  static byte[] shardOwner(String nodeId, String shardId) {
    return concat(utf8(nodeId), NUL, utf8(shardId));
  }

  /** The 12-byte time stamp of a {@link #timed} key. */
  static byte[] stamp(Instant time) {
    return ByteBuffer.allocate(12).putLong(time.getEpochSecond()).putInt(time.getNano()).array();
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** The smallest key greater than {@code key}: {@code key} followed by a zero byte. */
  static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  /**
   * The smallest key greater than every key that starts with {@code prefix}: drop trailing 0xFF
   * bytes, then increment the last byte. {@code null} when there is none (all 0xFF or empty),
   * meaning "to the end of the keyspace".
   */
  static byte[] prefixSuccessor(byte[] prefix) {
    int end = prefix.length;
    while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    byte[] out = Arrays.copyOf(prefix, end);
    out[end - 1]++;
    return out;
  }

  /** Index of {@code needle} in {@code haystack[from, to)}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String utf8(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
