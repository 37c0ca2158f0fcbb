package network.icn.agent.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Splits the offered capacity across data directories. A directory with an explicit capacity gets
 * exactly that; the others share what is left in proportion to the total size of the file system
 * each one is on (so a 16 TB disk takes twice the share of an 8 TB one). Integer arithmetic: the
 * last shared directory takes the rounding remainder, so the parts add up to the total exactly.
 */
public final class CapacitySplit {
  private CapacitySplit() {}

  /**
   * @param total the offered capacity
   * @param explicit per directory, its explicit capacity if it has one
   * @param fileSystemBytes per directory, the total size of its file system (only read for
   *     directories without an explicit capacity)
   * @return per directory, its capacity; each positive, summing to {@code total}
   */
  public static List<Long> split(
      long total, List<OptionalLong> explicit, List<Long> fileSystemBytes) {
    if (explicit.isEmpty() || explicit.size() != fileSystemBytes.size()) {
      throw new IllegalArgumentException("one explicit capacity and one file system size per dir");
    }
    long fixed = 0;
    BigInteger weights = BigInteger.ZERO;
    int lastShared = -1;
    for (int i = 0; i < explicit.size(); i++) {
      if (explicit.get(i).isPresent()) {
        fixed = Math.addExact(fixed, explicit.get(i).getAsLong());
      } else {
        if (fileSystemBytes.get(i) <= 0) {
          throw new IllegalArgumentException("file system size must be positive");
        }
        weights = weights.add(BigInteger.valueOf(fileSystemBytes.get(i)));
        lastShared = i;
      }
    }
    long rest = total - fixed;
    if (lastShared < 0 ? rest != 0 : rest <= 0) {
      throw new IllegalArgumentException(
          "per-directory capacities add up to "
              + fixed
              + " bytes, which does not fit the offered capacity of "
              + total
              + " bytes");
    }
    List<Long> out = new ArrayList<>();
    long given = 0;
    for (int i = 0; i < explicit.size(); i++) {
      long part;
      if (explicit.get(i).isPresent()) {
        part = explicit.get(i).getAsLong();
      } else if (i == lastShared) {
        part = rest - given;
      } else {
        part =
            BigInteger.valueOf(rest)
                .multiply(BigInteger.valueOf(fileSystemBytes.get(i)))
                .divide(weights)
                .longValueExact();
        given += part;
      }
      if (part <= 0) {
        throw new IllegalArgumentException(
            "the offered capacity is too small to give data directory " + (i + 1) + " any");
      }
      out.add(part);
    }
    return List.copyOf(out);
  }
}
