package network.icn.gateway.metadata;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts cursor seeks and next-steps of one store instance, so tests can check that a delimiter
 * listing skips over common prefixes instead of walking their members.
 */
public final class CursorSteps {
  private final LongAdder seeks = new LongAdder();
  private final LongAdder nexts = new LongAdder();

  void seeked() {
    seeks.increment();
  }

  void stepped() {
    nexts.increment();
  }

  public long seeks() {
    return seeks.sum();
  }

  public long nexts() {
    return nexts.sum();
  }

  /** Seeks plus nexts. */
  public long total() {
    return seeks() + nexts();
  }
}
