package network.icn.placement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementError;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementService;
import network.icn.placement.client.PlacementClient;
import network.icn.placement.http.PlacementHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract over HTTP: {@link PlacementClient} → {@link PlacementHttpServer} → service. */
class HttpPlacementServiceTest extends PlacementServiceContract {
  private static final String TOKEN = "secret-token";
  private PlacementHttpServer server;
  private PlacementClient client;

  @BeforeEach
  void start() {
    server =
        PlacementHttpServer.start(
            "127.0.0.1", 0, h.service, h.service, h.metrics, Optional.of(TOKEN));
    client = new PlacementClient(base(), Optional.of(TOKEN), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Override
  PlacementService service() {
    return client;
  }

  @Override
  PlacementAdmin admin() {
    return client;
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Test
  void wrongTokenIsRejectedWithUnauthorized() {
    try (var anonymous = new PlacementClient(base(), Optional.of("nope"), Duration.ofSeconds(5))) {
      var error = assertThrows(PlacementException.class, anonymous::nodes);
      assertEquals(PlacementError.UNAUTHORIZED, error.error());
    }
  }

  @Test
  void healthAndMetricsAreServedWithoutToken() throws IOException, InterruptedException {
    cluster(3, 3, 3);
    try (HttpClient http = HttpClient.newHttpClient()) {
      var health =
          http.send(
              HttpRequest.newBuilder(base().resolve("/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("ok"));
      var metrics =
          http.send(
              HttpRequest.newBuilder(base().resolve("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(
          metrics.body().contains("icn_placement_registrations_total{result=\"ok\"} 3"),
          metrics.body());
      assertTrue(metrics.body().contains("icn_placement_nodes{state=\"ACTIVE\"} 3"));
    }
  }

  @Test
  void malformedJsonIsAnInvalidRequestWithAnErrorBody() throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      var response =
          http.send(
              HttpRequest.newBuilder(base().resolve("/v1/nodes/register"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"registration\": 3"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, response.statusCode());
      assertTrue(response.body().contains("\"error\":\"INVALID_REQUEST\""), response.body());
    }
  }

  @Test
  void unreachableServerIsUnavailable() {
    int port = server.port();
    server.close();
    try (var dead =
        new PlacementClient(
            URI.create("http://127.0.0.1:" + port), Optional.empty(), Duration.ofSeconds(2))) {
      assertEquals(
          PlacementError.UNAVAILABLE, assertThrows(PlacementException.class, dead::nodes).error());
    }
    server =
        PlacementHttpServer.start(
            "127.0.0.1", 0, h.service, h.service, h.metrics, Optional.empty());
  }
}
