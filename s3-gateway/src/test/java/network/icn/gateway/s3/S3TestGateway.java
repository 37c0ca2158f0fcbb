package network.icn.gateway.s3;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import network.icn.gateway.http.GatewayHttpServer;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.LocalGateway;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link LocalGateway} (LocalCluster with the S3 front end on 127.0.0.1:0, two tenants with one
 * key each) and SDK clients (default settings) in path style and virtual-hosted style ({@code
 * bucket.localhost}, resolved to the loopback address by the HTTP client's DNS resolver).
 */
final class S3TestGateway implements AutoCloseable {
  static final String REGION = LocalGateway.REGION;
  static final String KEY_1 = LocalGateway.KEY_1;
  static final String SECRET_1 = LocalGateway.SECRET_1;
  static final String KEY_2 = LocalGateway.KEY_2;
  static final String SECRET_2 = LocalGateway.SECRET_2;

  final LocalGateway gateway;
  final LocalCluster cluster;
  final GatewayHttpServer server;
  final PrometheusRegistry registry;
  private final List<S3Client> clients = new java.util.ArrayList<>();

  S3TestGateway(Path dir) throws Exception {
    gateway = LocalGateway.start(dir, LocalCluster.Options.small());
    cluster = gateway.cluster();
    server = gateway.server();
    registry = gateway.registry();
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
    gateway.close();
  }
}
