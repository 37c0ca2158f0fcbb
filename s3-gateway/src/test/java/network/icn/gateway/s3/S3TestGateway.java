package network.icn.gateway.s3;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import network.icn.gateway.AdminHandler;
import network.icn.gateway.GatewayMetrics;
import network.icn.gateway.http.GatewayHttpServer;
import network.icn.gateway.metadata.AccessKeyring;
import network.icn.gateway.metadata.SecretSealer;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.TenantStatus;
import network.icn.gateway.object.MultipartConfig;
import network.icn.gateway.testing.LocalCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A LocalCluster with the S3 front end on 127.0.0.1:0, two tenants with one key each, and SDK
 * clients (default settings) in path style and virtual-hosted style ({@code bucket.localhost},
 * resolved to the loopback address by the HTTP client's DNS resolver).
 */
final class S3TestGateway implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String KEY_1 = "AKIATENANTONE0000001";
  static final String SECRET_1 = "secret-one-0123456789012345678901234567";
  static final String KEY_2 = "AKIATENANTTWO0000002";
  static final String SECRET_2 = "secret-two-0123456789012345678901234567";

  final LocalCluster cluster;
  final GatewayHttpServer server;
  final PrometheusRegistry registry = new PrometheusRegistry();
  private final List<S3Client> clients = new java.util.ArrayList<>();

  S3TestGateway(Path dir) throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    Clock clock = Clock.systemUTC();
    AccessKeyring keyring =
        new AccessKeyring(
            cluster.metadata(), new SecretSealer(new byte[32], new SecureRandom()), clock);
    cluster
        .metadata()
        .createTenant(
            new TenantRecord("tenant-2", "Second tenant", Instant.now(), TenantStatus.ACTIVE));
    keyring.issue(LocalCluster.TENANT, KEY_1, SECRET_1);
    keyring.issue("tenant-2", KEY_2, SECRET_2);
    S3Frontend frontend =
        new S3Frontend(
            new S3Frontend.Settings(
                REGION,
                LocalCluster.REGION,
                new Addressing(List.of("localhost")),
                cluster.options().scheme(),
                ObjectWriteHandlerLimits.MAX_PUT),
            cluster.metadata(),
            cluster.store(),
            cluster.multipart(MultipartConfig.defaults()),
            keyring::credentials,
            clock,
            new AdminHandler(List.of(registry), () -> true));
    server =
        GatewayHttpServer.start(
            frontend,
            new GatewayMetrics(registry),
            new InetSocketAddress("127.0.0.1", 0),
            GatewayHttpServer.Settings.defaults(),
            clock,
            new SplittableRandom(1));
  }

  int port() {
    return server.address().getPort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  S3Client client(boolean pathStyle) {
    return client(pathStyle, KEY_1, SECRET_1);
  }

  S3Client client(boolean pathStyle, String key, String secret) {
    S3Client c =
        S3Client.builder()
            .endpointOverride(
                URI.create("http://" + (pathStyle ? "127.0.0.1" : "localhost") + ":" + port()))
            .region(Region.of(REGION))
            .forcePathStyle(pathStyle)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}))
            .build();
    clients.add(c);
    return c;
  }

  @Override
  public void close() {
    clients.forEach(S3Client::close);
    if (server != null) {
      server.close();
    }
    cluster.close();
  }

  /** Limits used by the fixture. */
  static final class ObjectWriteHandlerLimits {
    static final long MAX_PUT = ObjectWriteHandler.MAX_PUT_BYTES;

    private ObjectWriteHandlerLimits() {}
  }
}
