package network.icn.gateway;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.HttpHandler;
import network.icn.gateway.http.ResponseHeaders;

/**
 * {@code GET /health/live} (the process serves), {@code /health/ready} (enough nodes to place a
 * stripe) and {@code /metrics} (Prometheus text format, every registry given).
 */
public final class AdminHandler implements HttpHandler {
  private final List<PrometheusRegistry> registries;
  private final BooleanSupplier ready;

  public AdminHandler(List<PrometheusRegistry> registries, BooleanSupplier ready) {
    this.registries = List.copyOf(registries);
    this.ready = Objects.requireNonNull(ready, "ready");
  }

  @Override
  public void handle(HttpExchange exchange) {
    switch (exchange.request().rawPath()) {
      case "/health/live" -> {
        exchange.operation("HealthLive");
        text(exchange, 200, "text/plain", "live\n");
      }
      case "/health/ready" -> {
        exchange.operation("HealthReady");
        boolean ok = ready.getAsBoolean();
        text(exchange, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
      }
      default -> {
        exchange.operation("Metrics");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
          for (PrometheusRegistry r : registries) {
            PrometheusTextFormatWriter.create().write(out, r.scrape());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        exchange.respond(
            200,
            new ResponseHeaders().add("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE),
            out.toByteArray());
      }
    }
  }

  private static void text(HttpExchange exchange, int status, String type, String body) {
    exchange.respond(
        status,
        new ResponseHeaders().add("Content-Type", type),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
