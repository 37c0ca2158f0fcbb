package network.icn.placement;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import network.icn.placement.registry.RegistryConfig;

/**
 * Configuration of the standalone placement process. Every key can be given as a flag ({@code
 * --port 7070} or {@code --port=7070}), an environment variable ({@code ICN_PLACEMENT_PORT}), or a
 * line of the properties file named by {@code --config} ({@code port=7070}); flags win over the
 * environment, which wins over the file, which wins over the defaults.
 *
 * @param dataDir RocksDB directory
 * @param seed placement seed (same seed + same nodes + same segment id = same placement)
 * @param livenessCheckInterval how often liveness is evaluated
 * @param snapshotRefresh how stale heartbeat weights in a placement snapshot may get
 * @param unitBytes bytes in one ScalerNode booking unit
 * @param apiToken bearer token required on all routes but register, heartbeat, health, metrics
 */
public record PlacementConfig(
    String host,
    int port,
    Path dataDir,
    long seed,
    RegistryConfig registry,
    Duration livenessCheckInterval,
    Duration snapshotRefresh,
    long unitBytes,
    Optional<String> apiToken) {

  /** A configuration key with its default (null: none) and help text. */
  public record Key(String name, String defaultValue, String help) {
    public String env() {
      return "ICN_PLACEMENT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  public static final List<Key> KEYS =
      List.of(
          new Key("host", "127.0.0.1", "address to listen on"),
          new Key("port", "7070", "port to listen on (0 = any free port)"),
          new Key("data-dir", "placement-data", "RocksDB directory of the registry"),
          new Key("seed", "1", "placement seed; placements are reproducible per seed"),
          new Key("heartbeat-interval", "10s", "expected interval between node heartbeats"),
          new Key("suspect-after-missed", "3", "missed heartbeats before a node is SUSPECT"),
          new Key("down-after", "5m", "silence before a node is DOWN"),
          new Key("max-clock-skew", "2m", "allowed skew of signed timestamps"),
          new Key("liveness-check-interval", "5s", "how often liveness is evaluated"),
          new Key("snapshot-refresh", "1s", "max age of heartbeat weights in placement snapshots"),
          new Key("unit-bytes", "1099511627776", "bytes in one ScalerNode booking unit (1 TiB)"),
          new Key("api-token", null, "bearer token for non-node routes (default: none, open)"));

  public PlacementConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(livenessCheckInterval, "livenessCheckInterval");
    Objects.requireNonNull(snapshotRefresh, "snapshotRefresh");
    Objects.requireNonNull(apiToken, "apiToken");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (unitBytes <= 0) {
      throw new IllegalArgumentException("unit-bytes must be > 0");
    }
    if (!livenessCheckInterval.isPositive()) {
      throw new IllegalArgumentException("liveness-check-interval must be > 0");
    }
  }

  /** Whether the arguments ask for help. */
  public static boolean wantsHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  /** The {@code --help} text: every key with its flag, variable and default. */
  public static String help() {
    var out = new StringBuilder("Usage: placement [--config FILE] [--KEY VALUE ...]\n\n");
    out.append("  --config FILE  (ICN_PLACEMENT_CONFIG)  properties file with KEY=VALUE lines\n");
    for (Key key : KEYS) {
      out.append(
          String.format(
              "  --%-24s (%s) %s [default: %s]%n",
              key.name(),
              key.env(),
              key.help(),
              key.defaultValue() == null ? "none" : key.defaultValue()));
    }
    out.append("\nDurations: 500ms, 10s, 5m, 1h or ISO-8601 (PT10S).\n");
    return out.toString();
  }

  /** Parses flags over environment over config file over defaults. */
  public static PlacementConfig parse(List<String> args, Map<String, String> env) {
    Map<String, String> flags = flags(args);
    String file = flags.getOrDefault("config", env.get("ICN_PLACEMENT_CONFIG"));
    Map<String, String> fromFile = file == null ? Map.of() : load(Path.of(file));
    Map<String, String> values = new HashMap<>();
    for (Key key : KEYS) {
      String v = flags.get(key.name());
      if (v == null) {
        v = env.get(key.env());
      }
      if (v == null) {
        v = fromFile.get(key.name());
      }
      if (v == null) {
        v = key.defaultValue();
      }
      if (v != null) {
        values.put(key.name(), v.strip());
      }
    }
    for (String name : fromFile.keySet()) {
      if (KEYS.stream().noneMatch(k -> k.name().equals(name))) {
        throw new IllegalArgumentException("unknown key in " + file + ": " + name);
      }
    }
    return new PlacementConfig(
        values.get("host"),
        integer(values, "port"),
        Path.of(values.get("data-dir")),
        longValue(values, "seed"),
        new RegistryConfig(
            duration(values, "heartbeat-interval"),
            integer(values, "suspect-after-missed"),
            duration(values, "down-after"),
            duration(values, "max-clock-skew")),
        duration(values, "liveness-check-interval"),
        duration(values, "snapshot-refresh"),
        longValue(values, "unit-bytes"),
        Optional.ofNullable(values.get("api-token")).filter(t -> !t.isEmpty()));
  }

  private static Map<String, String> flags(List<String> args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg + " (see --help)");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("flag --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (!name.equals("config") && KEYS.stream().noneMatch(k -> k.name().equals(name))) {
        throw new IllegalArgumentException("unknown flag --" + name + " (see --help)");
      }
      out.put(name, value);
    }
    return out;
  }

  private static Map<String, String> load(Path file) {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e);
    }
    Map<String, String> out = new HashMap<>();
    properties.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }

  private static int integer(Map<String, String> values, String key) {
    try {
      return Integer.parseInt(values.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got " + values.get(key));
    }
  }

  private static long longValue(Map<String, String> values, String key) {
    try {
      return Long.parseLong(values.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got " + values.get(key));
    }
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT10S}). */
  static Duration duration(Map<String, String> values, String key) {
    String v = values.get(key).toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      long amount = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          key + " must be a duration like 10s, 5m or PT10S, got " + values.get(key));
    }
  }
}
