package network.icn.erasure.stripe;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import network.icn.erasure.Crc32c;

/** The CRC32Cs of one shard's chunks, one per stripe in stripe order: an immutable int list. */
public final class ChunkCrcs {

  private static final ChunkCrcs EMPTY = new ChunkCrcs(new int[0]);

  private final int[] crcs;

  private ChunkCrcs(int[] crcs) {
    this.crcs = crcs;
  }

  /** The list holding {@code crcs} (copied). */
  public static ChunkCrcs of(int... crcs) {
    Objects.requireNonNull(crcs, "crcs");
    return crcs.length == 0 ? EMPTY : new ChunkCrcs(crcs.clone());
  }

  /** The first {@code count} values of {@code crcs} (copied). */
  static ChunkCrcs copyOf(int[] crcs, int count) {
    return count == 0 ? EMPTY : new ChunkCrcs(Arrays.copyOf(crcs, count));
  }

  /** Chunks (stripes) covered. */
  public int size() {
    return crcs.length;
  }

  /** The CRC32C of the chunk of stripe {@code stripe}. */
  public int get(int stripe) {
    return crcs[Objects.checkIndex(stripe, crcs.length)];
  }

  /** A fresh copy of the values. */
  public int[] toArray() {
    return crcs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkCrcs other && Arrays.equals(crcs, other.crcs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(crcs);
  }

  @Override
  public String toString() {
    return Arrays.stream(crcs).mapToObj(Crc32c::toHex).collect(Collectors.joining(",", "[", "]"));
  }
}
