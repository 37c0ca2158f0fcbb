package network.icn.placement.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import network.icn.placement.api.Booking;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import network.icn.placement.api.Utilisation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PlacementService} over HTTP ({@code java.net.http}). Error responses become a {@link
 * PlacementException} with the server's error code; transport failures become {@code UNAVAILABLE}.
 */
public final class PlacementClient implements PlacementService, PlacementAdmin, AutoCloseable {
  private static final String JSON = "application/json";

  private final URI base;
  private final Optional<String> apiToken;
  private final Duration timeout;
  private final HttpClient http;
  private final JsonMapper json = PlacementJson.mapper();

  /**
   * @param base e.g. {@code http://127.0.0.1:7070}
   * @param apiToken sent as {@code Authorization: Bearer} when present
   */
  public PlacementClient(URI base, Optional<String> apiToken, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public NodeView register(SignedRegistration registration) {
    return send("POST", "/v1/nodes/register", registration, new TypeReference<>() {});
  }

  @Override
  public NodeView heartbeat(SignedHeartbeat heartbeat) {
    return send("POST", "/v1/nodes/heartbeat", heartbeat, new TypeReference<>() {});
  }

  @Override
  public List<NodeView> nodes() {
    return send("GET", "/v1/nodes", null, new TypeReference<>() {});
  }

  @Override
  public Optional<NodeView> node(String nodeId) {
    try {
      return Optional.of(
          send("GET", "/v1/nodes/" + encode(nodeId), null, new TypeReference<>() {}));
    } catch (PlacementException e) {
      if (e.error() == PlacementError.UNKNOWN_NODE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Placement place(PlacementRequest request) {
    return send("POST", "/v1/placements", request, new TypeReference<>() {});
  }

  @Override
  public Placement replacement(ReplacementRequest request) {
    return send("POST", "/v1/replacements", request, new TypeReference<>() {});
  }

  @Override
  public Booking book(BookingRequest request) {
    return send("POST", "/v1/bookings", request, new TypeReference<>() {});
  }

  @Override
  public List<Booking> bookings(String tenantId) {
    return send("GET", "/v1/bookings?tenant=" + encode(tenantId), null, new TypeReference<>() {});
  }

  @Override
  public Utilisation utilisation(String region) {
    return send("GET", "/v1/utilisation/" + encode(region), null, new TypeReference<>() {});
  }

  @Override
  public NodeView changeState(String nodeId, NodeState state) {
    return send(
        "POST",
        "/v1/admin/nodes/" + encode(nodeId) + "/state",
        new PlacementJson.StateChange(state),
        new TypeReference<>() {});
  }

  @Override
  public List<NodeView> nodesInState(NodeState state) {
    return send("GET", "/v1/nodes?state=" + state.name(), null, new TypeReference<>() {});
  }

  @Override
  public void close() {
    http.close();
  }

  private <T> T send(String method, String path, Object body, TypeReference<T> type) {
    var builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", JSON);
    apiToken.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", JSON)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new PlacementException(
          PlacementError.UNAVAILABLE, "placement at " + base + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlacementException(PlacementError.UNAVAILABLE, "interrupted", e);
    }
    try {
      if (response.statusCode() / 100 != 2) {
        throw error(response);
      }
      return json.readValue(response.body(), type);
    } catch (JacksonException e) {
      throw new PlacementException(
          PlacementError.INTERNAL, "unreadable response from placement: " + e.getMessage(), e);
    }
  }

  private PlacementException error(HttpResponse<byte[]> response) {
    PlacementJson.ErrorBody body;
    try {
      body = json.readValue(response.body(), PlacementJson.ErrorBody.class);
    } catch (JacksonException e) {
      return new PlacementException(
          PlacementError.INTERNAL, "HTTP " + response.statusCode() + " without an error body");
    }
    PlacementError error;
    try {
      error = PlacementError.valueOf(body.error());
    } catch (IllegalArgumentException | NullPointerException e) {
      error = PlacementError.INTERNAL;
    }
    return new PlacementException(error, body.message());
  }

  private static String encode(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
  }
}
