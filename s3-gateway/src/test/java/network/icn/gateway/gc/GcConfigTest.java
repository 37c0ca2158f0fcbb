package network.icn.gateway.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcConfigTest {
  @Test
  void defaultsArePinned() {
    GcConfig config = GcConfig.defaults();
    assertEquals(Duration.ofHours(24), config.gracePeriod());
    assertEquals(Duration.ofHours(6), config.sweepInterval());
    assertEquals(1000, config.sweepPageSize());
    assertEquals(Duration.ofSeconds(30), config.callTimeout());
    assertEquals(Duration.ofSeconds(10), config.deleteInterval());
    assertEquals(Duration.ofHours(1), config.expiryInterval());
    assertEquals(Duration.ofDays(7), config.uploadMaxAge());
    assertEquals(1000, config.expiryBatch());
  }

  @Test
  void nonPositiveDurationsAndSizesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GcConfig(
                Duration.ZERO,
                Duration.ofHours(1),
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                Duration.ofDays(1),
                1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GcConfig(
                Duration.ofHours(1),
                Duration.ofHours(1),
                0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                Duration.ofDays(1),
                1));
  }
}
