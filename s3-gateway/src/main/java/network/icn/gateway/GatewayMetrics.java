package network.icn.gateway;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;
import network.icn.gateway.http.ExchangeObserver;

/**
 * The S3 front end's request metrics and access log. Labels are bounded: {@code operation} is an
 * AWS operation name produced by the router (or one of a few fixed names), {@code status} a status
 * class.
 */
public final class GatewayMetrics implements ExchangeObserver {
  /**
   * The access log goes to java.util.logging directly (where System.Logger output ends up anyway)
   * and names its source, so that no stack walk looks for the caller of every line; the line is
   * built without {@code String.format}. Same output as before, about a third of the cost (3 µs
   * instead of 7–10 µs per line in a microbenchmark); logging was 16% of the gateway's CPU samples
   * on 4 KiB GETs in the load benchmark.
   */
  private static final Logger ACCESS = Logger.getLogger("network.icn.gateway.access");

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
      ACCESS.logp(Level.INFO, GatewayMetrics.class.getName(), "completed", accessLine(s));
    }
  }

  /** {@code id operation method path status in=N out=N 1.234ms remote}. */
  static String accessLine(Summary s) {
    long micros = Math.round(s.nanos() / 1e3);
    long fraction = micros % 1000;
    return new StringBuilder(160)
        .append(s.requestId())
        .append(' ')
        .append(s.operation())
        .append(' ')
        .append(s.method())
        .append(' ')
        .append(s.path())
        .append(' ')
        .append(s.status())
        .append(" in=")
        .append(s.bytesIn())
        .append(" out=")
        .append(s.bytesOut())
        .append(' ')
        .append(micros / 1000)
        .append(fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".")
        .append(fraction)
        .append("ms ")
        .append(s.remote())
        .toString();
  }
}
