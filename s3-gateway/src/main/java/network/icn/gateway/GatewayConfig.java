package network.icn.gateway;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import network.icn.erasure.ErasureScheme;

/**
 * The gateway's settings. Every key is a flag ({@code --port=9000} or {@code --port 9000}) and an
 * environment variable ({@code ICN_GATEWAY_PORT}); flags win.
 *
 * @param listenHost address the S3 port binds ({@code --listen-host}, default {@code 0.0.0.0}; dev
 *     mode {@code 127.0.0.1})
 * @param port the S3 port ({@code --port}, default 9000; 0 picks a free port)
 * @param dataDir metadata, placement and keys live here ({@code --data-dir}, required)
 * @param region the S3 region: signing scope and LocationConstraint ({@code --region}, default
 *     {@code us-east-1})
 * @param placementRegion the placement region of new buckets ({@code --placement-region}, default
 *     the region)
 * @param baseDomains virtual-hosted-style base domains ({@code --base-domains}, comma-separated,
 *     default {@code localhost} in dev mode, so {@code <bucket>.localhost} works; else none: path
 *     style only)
 * @param scheme erasure scheme of new buckets ({@code --scheme}, default {@code rs-4-2-256k})
 * @param masterKey seals access-key secrets: 64 hex digits or base64 of 32 bytes ({@code
 *     --master-key}, required outside dev mode)
 * @param placementUrl a standalone placement service; empty → embedded ({@code --placement-url})
 * @param maxHeaderBytes request header section limit ({@code --max-header-bytes}, default 8192)
 * @param ioThreads Netty event-loop threads ({@code --io-threads}, default 2)
 * @param idleTimeout idle connections close after this ({@code --idle-timeout-seconds}, default
 *     300)
 * @param dev start local agents in-process and a dev tenant ({@code --dev}, default false)
 * @param devAgents how many ({@code --dev-agents}, default 6)
 * @param accessKey the dev tenant's access key ({@code --access-key}; default: generated on the
 *     first dev start, kept in the data dir and printed)
 * @param secretKey the dev tenant's secret ({@code --secret-key}; default: as the access key)
 * @param adminToken the bearer token of the {@code /admin} API ({@code --admin-token}; default:
 *     generated and printed in dev mode, admin API off outside dev mode)
 * @param shutdownGrace how long in-flight requests may run on after SIGTERM/SIGINT ({@code
 *     --shutdown-grace-seconds}, default 30)
 * @param accessLog one log line per request on the {@code network.icn.gateway.access} logger
 *     ({@code --access-log}, default off: at small-object rates the line costs a visible share of a
 *     core; the per-operation counters and latency histograms on {@code /metrics} are always on)
 */
public record GatewayConfig(
    String listenHost,
    int port,
    Path dataDir,
    String region,
    String placementRegion,
    List<String> baseDomains,
    ErasureScheme scheme,
    Optional<String> masterKey,
    Optional<URI> placementUrl,
    int maxHeaderBytes,
    int ioThreads,
    Duration idleTimeout,
    boolean dev,
    int devAgents,
    Optional<String> accessKey,
    Optional<String> secretKey,
    Optional<String> adminToken,
    Duration shutdownGrace,
    boolean accessLog) {

  static final Set<String> KEYS =
      Set.of(
          "listen-host",
          "port",
          "data-dir",
          "region",
          "placement-region",
          "base-domains",
          "scheme",
          "master-key",
          "placement-url",
          "max-header-bytes",
          "io-threads",
          "idle-timeout-seconds",
          "dev",
          "dev-agents",
          "access-key",
          "secret-key",
          "admin-token",
          "shutdown-grace-seconds",
          "access-log");

  public GatewayConfig {
    Objects.requireNonNull(dataDir, "data-dir is required");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    baseDomains = List.copyOf(baseDomains);
    if (!dev && masterKey.isEmpty()) {
      throw new IllegalArgumentException("--master-key is required (outside --dev mode)");
    }
    if (dev && devAgents < scheme.data() + scheme.parity()) {
      throw new IllegalArgumentException(
          "--dev-agents must be at least k+m = " + (scheme.data() + scheme.parity()));
    }
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw new IllegalArgumentException("--access-key and --secret-key go together");
    }
    adminToken.ifPresent(
        t -> {
          if (t.length() < 16) {
            throw new IllegalArgumentException("--admin-token must have at least 16 characters");
          }
        });
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("--shutdown-grace-seconds must not be negative");
    }
  }

  public InetSocketAddress listenAddress() {
    return new InetSocketAddress(listenHost, port);
  }

  /** Parses flags and environment variables ({@code ICN_GATEWAY_*}). */
  public static GatewayConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    for (String key : KEYS) {
      String name = "ICN_GATEWAY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
      if (env.containsKey(name)) {
        values.put(key, env.get(name));
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String body = arg.substring(2);
      String key;
      String value;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        key = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (body.equals("dev") || body.equals("access-log")) {
        key = body;
        value = "true";
      } else {
        key = body;
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        value = args[++i];
      }
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown flag --" + key);
      }
      values.put(key, value);
    }
    boolean dev = Boolean.parseBoolean(values.getOrDefault("dev", "false"));
    String region = values.getOrDefault("region", "us-east-1");
    String dataDir = values.get("data-dir");
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir is required");
    }
    return new GatewayConfig(
        values.getOrDefault("listen-host", dev ? "127.0.0.1" : "0.0.0.0"),
        Integer.parseInt(values.getOrDefault("port", "9000")),
        Path.of(dataDir),
        region,
        values.getOrDefault("placement-region", region),
        Arrays.stream(values.getOrDefault("base-domains", dev ? "localhost" : "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        ErasureScheme.parse(values.getOrDefault("scheme", ErasureScheme.DEFAULT.toString())),
        Optional.ofNullable(values.get("master-key")),
        Optional.ofNullable(values.get("placement-url")).map(URI::create),
        Integer.parseInt(values.getOrDefault("max-header-bytes", "8192")),
        Integer.parseInt(values.getOrDefault("io-threads", "2")),
        Duration.ofSeconds(Long.parseLong(values.getOrDefault("idle-timeout-seconds", "300"))),
        dev,
        Integer.parseInt(values.getOrDefault("dev-agents", "6")),
        Optional.ofNullable(values.get("access-key")),
        Optional.ofNullable(values.get("secret-key")),
        Optional.ofNullable(values.get("admin-token")),
        Duration.ofSeconds(Long.parseLong(values.getOrDefault("shutdown-grace-seconds", "30"))),
        Boolean.parseBoolean(values.getOrDefault("access-log", "false")));
  }
}
