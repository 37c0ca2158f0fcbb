package network.icn.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import network.icn.gateway.GatewayConfig;
import network.icn.gateway.GatewayMain;
import network.icn.placement.client.PlacementJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code icn-gateway admin} command against an in-process dev gateway (port 0), through the
 * real admin API; and the API's refusals (401 without or with a wrong token, 404, 409, 405).
 */
@Timeout(120)
final class AdminCliTest {
  private static final String TOKEN = "test-admin-token-0123456789";
  private static final JsonMapper JSON = PlacementJson.mapper();

  @TempDir static Path dir;
  private static GatewayMain.Running gateway;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    GatewayConfig config =
        GatewayConfig.parse(
            new String[] {"--dev", "--port=0", "--data-dir=" + dir, "--admin-token=" + TOKEN},
            Map.of());
    gateway =
        GatewayMain.start(
            config,
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    url = "http://127.0.0.1:" + gateway.port();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private record Result(int status, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  private static Result cli(String... command) {
    String[] args = new String[command.length + 4];
    args[0] = "--url";
    args[1] = url;
    args[2] = "--token";
    args[3] = TOKEN;
    System.arraycopy(command, 0, args, 4, command.length);
    return cliRaw(Map.of(), args);
  }

  private static Result cliRaw(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        AdminCli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static S3Client s3(String key, String secret) {
    return S3Client.builder()
        .endpointOverride(URI.create(url))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  @Test
  void createTenantCreateKeyBookCapacityListBucketsRevokeKey() {
    Result tenant = cli("create-tenant", "acme", "--display-name", "Acme Corp");
    assertEquals(0, tenant.status(), tenant.err());
    assertEquals("acme", tenant.json().get("tenantId").asString());
    assertEquals("Acme Corp", tenant.json().get("displayName").asString());
    assertTrue(cli("list-tenants").out().contains("\"acme\""));

    Result key = cli("create-key", "acme");
    assertEquals(0, key.status(), key.err());
    String keyId = key.json().get("accessKeyId").asString();
    String secret = key.json().get("secretKey").asString();
    assertEquals(40, secret.length());
    Result keys = cli("list-keys", "acme");
    assertTrue(keys.out().contains(keyId) && keys.out().contains("ACTIVE"), keys.out());
    assertFalse(keys.out().contains(secret), "a listing never shows a secret");

    Result booking = cli("book-capacity", "acme", "100", "--days", "7");
    assertEquals(0, booking.status(), booking.err());
    assertEquals(100, booking.json().get("units").asLong());
    assertEquals("us-east-1", booking.json().get("region").asString());
    assertTrue(
        cli("list-bookings", "acme").out().contains(booking.json().get("bookingId").asString()));

    try (S3Client s3 = s3(keyId, secret)) {
      s3.createBucket(b -> b.bucket("acme-photos"));
      s3.putObject(b -> b.bucket("acme-photos").key("a"), RequestBody.fromString("hi"));
    }
    Result buckets = cli("list-buckets", "acme");
    assertEquals(0, buckets.status(), buckets.err());
    assertEquals("acme-photos", buckets.json().get(0).get("name").asString());
    assertEquals(1, buckets.json().size());

    Result revoked = cli("revoke-key", keyId);
    assertEquals(0, revoked.status(), revoked.err());
    assertEquals("REVOKED", revoked.json().get("status").asString());
    try (S3Client s3 = s3(keyId, secret)) {
      S3Exception e = assertThrows(S3Exception.class, () -> s3.listBuckets());
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void createKeyWithGivenIdAndSecretWorksForS3() {
    assertEquals(0, cli("create-tenant", "given").status());
    Result key =
        cli(
            "create-key",
            "given",
            "--access-key",
            "GIVENKEY0001",
            "--secret-key",
            "given-secret-1");
    assertEquals(0, key.status(), key.err());
    try (S3Client s3 = s3("GIVENKEY0001", "given-secret-1")) {
      assertEquals(0, s3.listBuckets().buckets().size());
    }
    Result again =
        cli("create-key", "given", "--access-key", "GIVENKEY0001", "--secret-key", "x12345678");
    assertEquals(1, again.status());
    assertTrue(again.err().contains("ACCESS_KEY_ALREADY_EXISTS"), again.err());
  }

  @Test
  void listNodesShowsTheSixDevAgents() {
    Result nodes = cli("list-nodes");
    assertEquals(0, nodes.status(), nodes.err());
    assertEquals(6, nodes.json().size());
    for (JsonNode n : nodes.json()) {
      assertEquals("ACTIVE", n.get("state").asString());
      assertTrue(n.get("nodeId").asString().startsWith("0x"));
    }
  }

  @Test
  void mistakesAreClearErrors() {
    assertEquals(0, cli("create-tenant", "twice").status());
    Result dup = cli("create-tenant", "twice");
    assertEquals(1, dup.status());
    assertTrue(dup.err().contains("TENANT_ALREADY_EXISTS") && dup.err().contains("409"), dup.err());
    Result missing = cli("list-buckets", "nobody");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("NoSuchTenant"), missing.err());
    assertEquals(1, cli("revoke-key", "NOSUCHKEY").status());
    assertEquals(1, cli("create-tenant", "bad name!").status());
    assertEquals(1, cli("book-capacity", "twice", "0").status());
    assertEquals(2, cli("frobnicate").status());
    assertEquals(2, cli("book-capacity", "twice").status());
    assertEquals(2, cliRaw(Map.of(), "list-nodes").status()); // no --url / --token
  }

  @Test
  void urlAndTokenMayComeFromTheEnvironment() {
    Result r =
        cliRaw(
            Map.of("ICN_GATEWAY_ADMIN_URL", url, "ICN_GATEWAY_ADMIN_TOKEN", TOKEN), "list-nodes");
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void withoutOrWithAWrongTokenEveryCommandIs401() throws Exception {
    Result wrong =
        cliRaw(Map.of(), "--url", url, "--token", TOKEN + "x", "create-tenant", "intruder");
    assertEquals(1, wrong.status());
    assertTrue(wrong.err().contains("401"), wrong.err());
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String auth :
          new String[] {null, "Bearer wrong", "Bearer " + TOKEN.substring(1), TOKEN}) {
        for (String path : new String[] {"/admin/nodes", "/admin/tenants", "/admin/nope"}) {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
          if (auth != null) {
            b.header("Authorization", auth);
          }
          HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(401, r.statusCode(), auth + " " + path);
          assertEquals(
              "Bearer realm=\"icn-gateway-admin\"",
              r.headers().firstValue("WWW-Authenticate").orElse(""));
        }
      }
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/admin/tenants"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"tenantId\":\"intruder\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(401, post.statusCode());
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/admin/nodes"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .PUT(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, put.statusCode());
    }
    assertFalse(cli("list-tenants").out().contains("intruder"));
  }
}
