package network.icn.conformance.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * One benchmark phase: {@code concurrency} closed-loop streams doing {@code op} on objects of
 * {@code size} bytes, first a warm-up (not recorded, at most {@code warmupOps} operations), then a
 * measured window of {@code window} or {@code maxOps} operations, whichever ends first.
 *
 * @param group the objects a GET phase reads are those the PUT phase of the same group wrote
 */
record Phase(
    String group,
    Op op,
    int size,
    int concurrency,
    Duration warmup,
    int warmupOps,
    Duration window,
    int maxOps) {
  enum Op {
    PUT,
    GET
  }

  Phase {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(op, "op");
    if (size <= 0 || concurrency <= 0 || warmupOps < 0 || maxOps <= 0) {
      throw new IllegalArgumentException("size, concurrency and maxOps must be positive");
    }
  }

  /** For example {@code 64 MiB PUT x8}. */
  String label() {
    return sizeLabel() + " " + op + " x" + concurrency;
  }

  String sizeLabel() {
    if (size % (1 << 20) == 0) {
      return (size >> 20) + " MiB";
    }
    if (size % (1 << 10) == 0) {
      return (size >> 10) + " KiB";
    }
    return size + " B";
  }
}
