package network.icn.placement.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.client.PlacementJson;
import network.icn.placement.metrics.PlacementMetrics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The placement HTTP API (JSON). The JDK server is enough here: small JSON requests at
 * control-plane rates, handled on virtual threads, so no Netty (see README, Decisions). One
 * access-log line per request, with a request id (the caller's {@code X-Request-Id} or a generated
 * one).
 */
public final class PlacementHttpServer implements AutoCloseable {
  private static final Logger ACCESS = System.getLogger("network.icn.placement.access");
  private static final int MAX_BODY = 1 << 20;

  private final PlacementService service;
  private final PlacementAdmin admin;
  private final PlacementMetrics metrics;
  private final Optional<byte[]> apiToken;
  private final JsonMapper json = PlacementJson.mapper();
  private final AtomicLong requestIds = new AtomicLong();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  /**
   * Binds {@code host:port} (port 0 picks a free one) and starts serving.
   *
   * @param apiToken when present, required as {@code Authorization: Bearer} on every route except
   *     register, heartbeat (those are signed), {@code /health} and {@code /metrics}
   */
  public static PlacementHttpServer start(
      String host,
      int port,
      PlacementService service,
      PlacementAdmin admin,
      PlacementMetrics metrics,
      Optional<String> apiToken) {
    try {
      return new PlacementHttpServer(host, port, service, admin, metrics, apiToken);
    } catch (IOException e) {
      throw new PlacementException(
          PlacementError.INTERNAL, "cannot listen on " + host + ":" + port + ": " + e, e);
    }
  }

  private PlacementHttpServer(
      String host,
      int port,
      PlacementService service,
      PlacementAdmin admin,
      PlacementMetrics metrics,
      Optional<String> apiToken)
      throws IOException {
    this.service = Objects.requireNonNull(service, "service");
    this.admin = Objects.requireNonNull(admin, "admin");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.apiToken = apiToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String requestId =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Request-Id"))
            .filter(id -> id.length() <= 128)
            .orElseGet(() -> "pl-" + requestIds.incrementAndGet());
    Route route =
        Route.parse(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery());
    int status;
    try (exchange) {
      exchange.getResponseHeaders().set("X-Request-Id", requestId);
      try {
        status = respond(exchange, route);
      } catch (PlacementException e) {
        status = error(exchange, e.error(), e.getMessage());
      } catch (JacksonException e) {
        PlacementException cause = placementCause(e);
        status =
            cause != null
                ? error(exchange, cause.error(), cause.getMessage())
                : error(
                    exchange,
                    PlacementError.INVALID_REQUEST,
                    "bad JSON: " + e.getOriginalMessage());
      } catch (RuntimeException e) {
        ACCESS.log(Level.ERROR, "request " + requestId + " failed", e);
        status = error(exchange, PlacementError.INTERNAL, "internal error, request " + requestId);
      }
    }
    metrics.http(route.name(), status);
    ACCESS.log(
        Level.INFO,
        "{0} {1} {2} {3} {4}ms",
        requestId,
        exchange.getRequestMethod(),
        exchange.getRequestURI(),
        status,
        (System.nanoTime() - started) / 1_000_000);
  }

  private int respond(HttpExchange exchange, Route route) throws IOException {
    if (!route.open() && !authorised(exchange)) {
      throw new PlacementException(PlacementError.UNAUTHORIZED, "missing or wrong API token");
    }
    return switch (route) {
      case Route.Register r ->
          ok(exchange, service.register(read(exchange, SignedRegistration.class)));
      case Route.Heartbeat h ->
          ok(exchange, service.heartbeat(read(exchange, SignedHeartbeat.class)));
      case Route.ListNodes(var state) ->
          ok(exchange, state.isPresent() ? admin.nodesInState(state.get()) : service.nodes());
      case Route.NodeDetail(var nodeId) ->
          ok(
              exchange,
              service
                  .node(nodeId)
                  .orElseThrow(
                      () ->
                          new PlacementException(
                              PlacementError.UNKNOWN_NODE,
                              "node " + nodeId + " is not registered")));
      case Route.ChangeState(var nodeId) ->
          ok(
              exchange,
              admin.changeState(nodeId, read(exchange, PlacementJson.StateChange.class).state()));
      case Route.Place p -> ok(exchange, service.place(read(exchange, PlacementRequest.class)));
      case Route.Replace r ->
          ok(exchange, service.replacement(read(exchange, ReplacementRequest.class)));
      case Route.Book b -> ok(exchange, service.book(read(exchange, BookingRequest.class)));
      case Route.ListBookings(var tenantId) -> ok(exchange, service.bookings(tenantId));
      case Route.Utilisation(var region) -> ok(exchange, service.utilisation(region));
      case Route.Health h -> ok(exchange, Map.of("status", "ok"));
      case Route.Metrics m -> metrics(exchange);
      case Route.Unknown(var reason) ->
          error(exchange, 404, PlacementError.INVALID_REQUEST, reason);
    };
  }

  private boolean authorised(HttpExchange exchange) {
    if (apiToken.isEmpty()) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).getBytes(StandardCharsets.UTF_8), apiToken.get());
  }

  private <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw new PlacementException(PlacementError.INVALID_REQUEST, "body larger than 1 MiB");
    }
    T value = json.readValue(body, type);
    if (value == null) {
      throw new PlacementException(PlacementError.INVALID_REQUEST, "body is missing");
    }
    return value;
  }

  private int ok(HttpExchange exchange, Object body) throws IOException {
    return send(exchange, 200, "application/json", json.writeValueAsBytes(body));
  }

  private int metrics(HttpExchange exchange) throws IOException {
    var out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
    return send(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, out.toByteArray());
  }

  private int error(HttpExchange exchange, PlacementError error, String message)
      throws IOException {
    return error(exchange, error.httpStatus(), error, message);
  }

  private int error(HttpExchange exchange, int status, PlacementError error, String message)
      throws IOException {
    byte[] body = json.writeValueAsBytes(new PlacementJson.ErrorBody(error.name(), message));
    return send(exchange, status, "application/json", body);
  }

  private static int send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    return status;
  }

  private static PlacementException placementCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PlacementException p) {
        return p;
      }
    }
    return null;
  }
}
