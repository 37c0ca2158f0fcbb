package network.icn.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class GatewayMainDevTest {
  @TempDir Path dir;

  @Test
  void devModeStartsAgentsAndServesS3() throws Exception {
    GatewayConfig config =
        GatewayConfig.parse(
            new String[] {
              "--dev", "--port=0", "--data-dir=" + dir, "--access-key=ak", "--secret-key=sk"
            },
            Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GatewayMain.Running gateway =
        GatewayMain.start(
            config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String endpoint = "http://127.0.0.1:" + gateway.port();
      java.util.List<String> lines = out.toString(StandardCharsets.UTF_8).strip().lines().toList();
      assertEquals("ready: " + endpoint, lines.getLast());
      assertTrue(lines.contains("endpoint:    " + endpoint), lines.toString());
      assertTrue(lines.contains("access key:  ak"), lines.toString());
      assertTrue(lines.contains("secret key:  sk"), lines.toString());
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
      }
      try (S3Client s3 =
          S3Client.builder()
              .endpointOverride(URI.create(endpoint))
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("ak", "sk")))
              .httpClientBuilder(ApacheHttpClient.builder())
              .build()) {
        s3.createBucket(b -> b.bucket("dev"));
        byte[] data = new byte[300_000];
        new java.util.SplittableRandom(5).nextBytes(data);
        s3.putObject(b -> b.bucket("dev").key("k"), RequestBody.fromBytes(data));
        assertTrue(
            java.util.Arrays.equals(
                data, s3.getObjectAsBytes(b -> b.bucket("dev").key("k")).asByteArray()));
      }
      try (HttpClient http = HttpClient.newHttpClient()) {
        String metrics =
            http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        // Requests by operation and status class, bytes, and the object layer's fan-out errors
        // and degraded reads (all zero on a healthy cluster, but exported).
        assertTrue(
            metrics.contains(
                "icn_gateway_requests_total{operation=\"PutObject\",status=\"2xx\"} 1.0"),
            metrics);
        assertTrue(metrics.contains("icn_gateway_request_duration_seconds_bucket"), metrics);
        assertTrue(metrics.contains("icn_gateway_received_bytes_total"), metrics);
        assertTrue(metrics.contains("icn_gateway_degraded_reads_total 0.0"), metrics);
        for (String kind : new String[] {"write_dropped", "read_unavailable", "read_corrupt"}) {
          assertTrue(
              metrics.contains("icn_gateway_shard_fanout_errors_total{kind=\"" + kind + "\"} 0.0"),
              metrics);
        }
        assertTrue(metrics.contains("icn_gateway_repairs_queued_total 0.0"), metrics);
      }
    }
  }
}
