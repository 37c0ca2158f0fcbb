package network.icn.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import network.icn.gateway.testing.LocalCluster;
import network.icn.gateway.testing.LocalGateway;

/**
 * The gateway a conformance test talks to.
 *
 * <ul>
 *   <li><b>In-process</b> (default): a {@link LocalGateway}, i.e. embedded placement, real agents,
 *       the object layer and the S3 front end, all on 127.0.0.1 port 0 under the test's temp dir.
 *   <li><b>External</b>: {@code -Dendpoint=http://127.0.0.1:9000 -Daccess-key=K -Dsecret-key=S}
 *       (optional {@code -Dregion}, default {@code us-east-1}, and {@code -Dvirtual-host-base},
 *       default {@code localhost}) against any running gateway, for instance the one the README's
 *       run command starts. Buckets get a random suffix so runs never collide.
 * </ul>
 */
public final class S3Target implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI endpoint;
  private final String virtualHostBase;
  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final LocalGateway local;

  private S3Target(
      URI endpoint,
      String virtualHostBase,
      String accessKey,
      String secretKey,
      String region,
      LocalGateway local) {
    this.endpoint = endpoint;
    this.virtualHostBase = virtualHostBase;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.local = local;
  }

  /** True when {@code -Dendpoint} names an external gateway. */
  public static boolean externalRequested() {
    String e = System.getProperty("endpoint");
    return e != null && !e.isBlank();
  }

  /** The external gateway if one is named, else a 6-agent 4+2 {@link LocalGateway} under dir. */
  public static S3Target open(Path dir) throws Exception {
    return open(dir, LocalCluster.Options.small());
  }

  /** As {@link #open(Path)}, with the in-process cluster's options. */
  public static S3Target open(Path dir, LocalCluster.Options options) throws Exception {
    if (externalRequested()) {
      return external();
    }
    return inProcess(dir, options);
  }

  /** Always in-process (fault scenarios need the cluster's hooks). */
  public static S3Target inProcess(Path dir, LocalCluster.Options options) throws Exception {
    LocalGateway gateway = LocalGateway.start(dir, options);
    return new S3Target(
        gateway.endpoint(),
        LocalGateway.BASE_DOMAIN,
        LocalGateway.KEY_1,
        LocalGateway.SECRET_1,
        LocalGateway.REGION,
        gateway);
  }

  private static S3Target external() {
    URI endpoint = URI.create(System.getProperty("endpoint").strip());
    String key = required("access-key");
    String secret = required("secret-key");
    System.out.println("conformance target: external gateway at " + endpoint + ", key " + key);
    return new S3Target(
        endpoint,
        System.getProperty("virtual-host-base", "localhost"),
        key,
        secret,
        System.getProperty("region", "us-east-1"),
        null);
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(
          "-Dendpoint given without -D"
              + property
              + " (external mode needs endpoint, access-key"
              + " and secret-key)");
    }
    return v.strip();
  }

  /** The path-style endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Path style: {@link #endpoint()}; virtual-hosted style: {@code http://<base>:<port>}. */
  public URI endpoint(boolean pathStyle) {
    if (pathStyle) {
      return endpoint;
    }
    return URI.create(endpoint.getScheme() + "://" + virtualHostBase + ":" + endpoint.getPort());
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  public String region() {
    return region;
  }

  public boolean isExternal() {
    return local == null;
  }

  /** The in-process gateway (its cluster has the fault hooks); empty in external mode. */
  public Optional<LocalGateway> local() {
    return Optional.ofNullable(local);
  }

  /** A bucket name unique to this run: {@code stem-<8 random base-36 chars>}. */
  public static String bucketName(String stem) {
    StringBuilder b = new StringBuilder(stem.toLowerCase(Locale.ROOT)).append('-');
    for (int i = 0; i < 8; i++) {
      b.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
