package network.icn.erasure;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded concurrent cache of {@link DecodePlan}s keyed by erasure pattern. When full, an
 * arbitrary entry is evicted before a new one goes in: erasure patterns in a healthy cluster are
 * few (one or two nodes down at a time), so anything smarter than that buys nothing.
 */
final class DecodePlanCache {

  private final ConcurrentHashMap<Pattern, DecodePlan> plans = new ConcurrentHashMap<>();
  private final int capacity;

  DecodePlanCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return plans.size();
  }

  DecodePlan get(boolean[] present, Function<boolean[], DecodePlan> builder) {
    Pattern key = Pattern.of(present);
    DecodePlan plan = plans.get(key);
    if (plan != null) {
      return plan;
    }
    plan = builder.apply(present);
    while (plans.size() >= capacity) {
      Iterator<Pattern> it = plans.keySet().iterator();
      if (!it.hasNext()) {
        break;
      }
      plans.remove(it.next());
    }
    DecodePlan raced = plans.putIfAbsent(key, plan);
    return raced != null ? raced : plan;
  }

  /** Up to 256 presence bits. */
  record Pattern(long w0, long w1, long w2, long w3) {
    static Pattern of(boolean[] present) {
      long[] w = new long[4];
      for (int i = 0; i < present.length; i++) {
        if (present[i]) {
          w[i >>> 6] |= 1L << (i & 63);
        }
      }
      return new Pattern(w[0], w[1], w[2], w[3]);
    }
  }
}
