package network.icn.erasure;

import java.nio.ByteBuffer;

/** Argument validation for {@link ReedSolomon}, with messages that say what was wrong. */
final class ShardChecks {

  private ShardChecks() {}

  static ErasureException invalid(String message) {
    return new ErasureException(ErasureError.INVALID_ARGUMENT, message);
  }

  static void checkCounts(int dataShards, int parityShards) {
    if (dataShards < 1) {
      throw new ErasureException(
          ErasureError.INVALID_SCHEME, "data shards k must be >= 1, got " + dataShards);
    }
    if (parityShards < 1) {
      throw new ErasureException(
          ErasureError.INVALID_SCHEME, "parity shards m must be >= 1, got " + parityShards);
    }
    if (dataShards + parityShards > ErasureScheme.MAX_TOTAL_SHARDS) {
      throw new ErasureException(
          ErasureError.INVALID_SCHEME,
          "k + m must be <= "
              + ErasureScheme.MAX_TOTAL_SHARDS
              + " over GF(2^8), got "
              + dataShards
              + " + "
              + parityShards);
    }
  }

  static void checkShards(byte[][] shards, int total, int offset, int length) {
    if (shards == null) {
      throw invalid("shards array is null");
    }
    if (shards.length != total) {
      throw invalid("expected " + total + " shards, got " + shards.length);
    }
    int size = -1;
    for (int i = 0; i < total; i++) {
      if (shards[i] == null) {
        throw invalid("shard " + i + " is null");
      }
      if (size < 0) {
        size = shards[i].length;
      } else if (shards[i].length != size) {
        throw invalid(
            "shards differ in size: shard 0 has "
                + size
                + " bytes, shard "
                + i
                + " has "
                + shards[i].length);
      }
    }
    checkRange(offset, length, size);
  }

  static void checkShards(ByteBuffer[] shards, int total, int offset, int length) {
    if (shards == null) {
      throw invalid("shards array is null");
    }
    if (shards.length != total) {
      throw invalid("expected " + total + " shards, got " + shards.length);
    }
    int size = -1;
    for (int i = 0; i < total; i++) {
      if (shards[i] == null) {
        throw invalid("shard " + i + " is null");
      }
      if (size < 0) {
        size = shards[i].capacity();
      } else if (shards[i].capacity() != size) {
        throw invalid(
            "shards differ in capacity: shard 0 has "
                + size
                + " bytes, shard "
                + i
                + " has "
                + shards[i].capacity());
      }
    }
    checkRange(offset, length, size);
  }

  private static void checkRange(int offset, int length, int size) {
    if (offset < 0 || length < 0 || (long) offset + length > size) {
      throw invalid(
          "range offset="
              + offset
              + " length="
              + length
              + " does not fit shards of "
              + size
              + " bytes");
    }
  }

  static void checkWritable(ByteBuffer[] shards, int[] indexes) {
    for (int i : indexes) {
      if (shards[i].isReadOnly()) {
        throw invalid("shard " + i + " must be written but its buffer is read-only");
      }
    }
  }

  static void checkWritable(ByteBuffer[] shards, int from, int to) {
    for (int i = from; i < to; i++) {
      if (shards[i].isReadOnly()) {
        throw invalid("shard " + i + " must be written but its buffer is read-only");
      }
    }
  }

  /** Returns the number of present shards after checking the shape and that at least k exist. */
  static int checkPresent(boolean[] present, int dataShards, int total) {
    if (present == null) {
      throw invalid("present array is null");
    }
    if (present.length != total) {
      throw invalid("expected " + total + " present flags, got " + present.length);
    }
    int count = 0;
    for (boolean p : present) {
      if (p) {
        count++;
      }
    }
    if (count < dataShards) {
      throw new ErasureException(
          ErasureError.NOT_ENOUGH_SHARDS,
          "only "
              + count
              + " of "
              + total
              + " shards are present but "
              + dataShards
              + " are needed to decode ("
              + (total - count)
              + " missing, at most "
              + (total - dataShards)
              + " can be rebuilt)");
    }
    return count;
  }
}
