package network.icn.agent.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, for something another thread does (a real scheduler's first tick). Used only
 * where no clock can be injected; it asserts the outcome, never how long it took.
 */
public final class Await {
  private Await() {}

  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
