package network.icn.gateway;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import network.icn.gateway.http.ExchangeObserver;

/**
 * The S3 front end's request metrics and access log. Labels are bounded: {@code operation} is an
 * AWS operation name produced by the router (or one of a few fixed names), {@code status} a status
 * class.
 */
public final class GatewayMetrics implements ExchangeObserver {
  private static final Logger ACCESS = System.getLogger("network.icn.gateway.access");

  private final Counter requests;
  private final Histogram latency;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final boolean accessLog;

  /**
   * @param accessLog also write one line per request to the {@code network.icn.gateway.access}
   *     logger (at INFO)
   */
  public GatewayMetrics(PrometheusRegistry registry, boolean accessLog) {
    this.accessLog = accessLog;
    requests =
        Counter.builder()
            .name("icn_gateway_requests_total")
            .help("S3 requests by operation and status class")
            .labelNames("operation", "status")
            .register(registry);
    latency =
        Histogram.builder()
            .name("icn_gateway_request_duration_seconds")
            .help("S3 request duration by operation")
            .labelNames("operation")
            .classicExponentialUpperBounds(0.001, 2, 16)
            .register(registry);
    bytesIn =
        Counter.builder()
            .name("icn_gateway_received_bytes_total")
            .help("Request body bytes received")
            .register(registry);
    bytesOut =
        Counter.builder()
            .name("icn_gateway_sent_bytes_total")
            .help("Response body bytes sent")
            .register(registry);
  }

  /** The status class label: {@code 2xx} … {@code 5xx}, {@code none} if no response was sent. */
  static String statusClass(int status) {
    return status < 100 || status > 599 ? "none" : (status / 100) + "xx";
  }

  @Override
  public void completed(Summary s) {
    requests.labelValues(s.operation(), statusClass(s.status())).inc();
    latency.labelValues(s.operation()).observe(s.nanos() / 1e9);
    bytesIn.inc(s.bytesIn());
    bytesOut.inc(s.bytesOut());
    if (accessLog && ACCESS.isLoggable(Level.INFO)) {
      ACCESS.log(
          Level.INFO,
          String.format(
              "%s %s %s %s %d in=%d out=%d %.3fms %s",
              s.requestId(),
              s.operation(),
              s.method(),
              s.path(),
              s.status(),
              s.bytesIn(),
              s.bytesOut(),
              s.nanos() / 1e6,
              s.remote()));
    }
  }
}
