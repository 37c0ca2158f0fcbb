package network.icn.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import network.icn.gateway.http.ExchangeObserver;
import org.junit.jupiter.api.Test;

final class GatewayMetricsTest {
  @Test
  void accessLineIsTheFormerFormattedLine() {
    for (long nanos : new long[] {0, 999, 1_000, 45_000, 2_345_678, 12_345_123, 1_000_000_000L}) {
      ExchangeObserver.Summary s =
          new ExchangeObserver.Summary(
              "FD781B4D00000019", "GetObject", "GET", "/b/k", 200, 12, 4096, nanos, "127.0.0.1");
      String former =
          String.format(
              Locale.ROOT,
              "%s %s %s %s %d in=%d out=%d %.3fms %s",
              s.requestId(),
              s.operation(),
              s.method(),
              s.path(),
              s.status(),
              s.bytesIn(),
              s.bytesOut(),
              s.nanos() / 1e6,
              s.remote());
      assertEquals(former, GatewayMetrics.accessLine(s), "nanos " + nanos);
    }
  }
}
