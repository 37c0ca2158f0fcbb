package network.icn.gateway.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
import network.icn.gateway.s3.Addressing;
import network.icn.gateway.s3.S3Frontend;

/**
 * A {@link LocalCluster} with the S3 front end on 127.0.0.1, port 0: two tenants with one access
 * key each, virtual-hosted style under {@code localhost}. Used by the gateway's own end-to-end
 * tests and by conformance-tests' in-process mode.
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.start(tempDir, LocalCluster.Options.small())) {
 *   URI endpoint = gateway.endpoint();   // sign with KEY_1 / SECRET_1, region REGION
 *   gateway.cluster().agent(2).stop();
 * }
 * }</pre>
 */
public final class LocalGateway implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String BASE_DOMAIN = "localhost";
  public static final String KEY_1 = "AKIATENANTONE0000001";
  public static final String SECRET_1 = "secret-one-0123456789012345678901234567";
  public static final String KEY_2 = "AKIATENANTTWO0000002";
  public static final String SECRET_2 = "secret-two-0123456789012345678901234567";

  private final LocalCluster cluster;
  private final GatewayHttpServer server;
  private final PrometheusRegistry registry = new PrometheusRegistry();

  private LocalGateway(LocalCluster cluster) throws Exception {
    this.cluster = cluster;
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
                new Addressing(List.of(BASE_DOMAIN)),
                cluster.options().scheme(),
                S3Frontend.MAX_PUT_BYTES),
            cluster.metadata(),
            cluster.store(),
            cluster.multipart(MultipartConfig.defaults()),
            keyring::credentials,
            clock,
            new AdminHandler(List.of(registry), () -> true));
    this.server =
        GatewayHttpServer.start(
            frontend,
            new GatewayMetrics(registry, false),
            new InetSocketAddress("127.0.0.1", 0),
            GatewayHttpServer.Settings.defaults(),
            clock,
            new SplittableRandom(1));
  }

  /** Starts a cluster with {@code options} under {@code dir} and the front end over it. */
  public static LocalGateway start(Path dir, LocalCluster.Options options) throws Exception {
    LocalCluster cluster = LocalCluster.start(dir, options);
    try {
      return new LocalGateway(cluster);
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public LocalCluster cluster() {
    return cluster;
  }

  public GatewayHttpServer server() {
    return server;
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public int port() {
    return server.address().getPort();
  }

  /** {@code http://127.0.0.1:<port>} (path style; virtual hosts are {@code <bucket>.localhost}). */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.close();
    cluster.close();
  }
}
