package network.icn.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import network.icn.agent.client.Signatures;

/**
 * Everything an operator can set. Each key can come from a flag ({@code --capacity=2T}), an
 * environment variable ({@code ICN_AGENT_CAPACITY=2T}) or a properties file named by {@code
 * --config} ({@code capacity=2T}); flags beat the environment, which beats the file, which beats
 * the default.
 */
public record AgentConfig(
    InetSocketAddress listen,
    String endpoint,
    List<DataDir> dataDirs,
    long capacityBytes,
    String region,
    String site,
    String hardwareClass,
    Optional<String> hpId,
    Optional<String> placementUrl,
    Path keyFile,
    Set<String> allowedGateways,
    Duration maxClockSkew,
    int replayCacheSize,
    boolean verifyMerkle,
    long scrubBytesPerSecond,
    Duration heartbeatInterval,
    Duration shutdownGrace,
    int ioThreads,
    int maxHeaderBytes,
    Duration idleTimeout) {

  /** Every key with its default and the help line; the order is the {@code --help} order. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put("listen", new String[] {"0.0.0.0:7070", "address and port the shard API listens on"});
    k.put(
        "endpoint",
        new String[] {"", "URL gateways use to reach this node (default: http://<listen>)"});
    k.put(
        "data-dir",
        new String[] {
          "./data",
          "data directories, repeated or comma-separated; PATH or PATH:SIZE; the first holds the"
              + " node key"
        });
    k.put(
        "capacity",
        new String[] {
          "100G",
          "capacity offered, e.g. 4T; split over data dirs without a :SIZE by file-system size"
        });
    k.put("region", new String[] {"local", "region this node is in, e.g. eu-central"});
    k.put("site", new String[] {"site-1", "site (data centre) within the region"});
    k.put("hardware-class", new String[] {"standard", "hardware class, e.g. hdd-dense or nvme"});
    k.put(
        "hp-id",
        new String[] {"", "the operator's (hardware provider's) address; default: the node id"});
    k.put("placement-url", new String[] {"", "placement service URL; empty = do not register"});
    k.put(
        "key-file",
        new String[] {"", "node key file (default: <data-dir>/node.key); created if absent"});
    k.put(
        "allowed-gateways", new String[] {"", "comma-separated gateway addresses allowed to call"});
    k.put("max-clock-skew", new String[] {"30s", "reject requests whose timestamp is further off"});
    k.put("replay-cache-size", new String[] {"100000", "signatures remembered to reject replays"});
    k.put(
        "verify-merkle",
        new String[] {
          "true", "recompute the Merkle root of every put (false = trust the gateway)"
        });
    k.put(
        "scrub-rate",
        new String[] {"16M", "bytes per second the scrubber re-reads; 0 disables it"});
    k.put("heartbeat-interval", new String[] {"30s", "how often to heartbeat to placement"});
    k.put(
        "shutdown-grace",
        new String[] {"20s", "how long in-flight requests may finish on shutdown"});
    k.put("io-threads", new String[] {"2", "Netty event-loop threads"});
    k.put(
        "max-header-bytes",
        new String[] {"262144", "largest request header block (holds the chunk CRCs)"});
    k.put("idle-timeout", new String[] {"120s", "close connections idle this long"});
    return java.util.Collections.unmodifiableMap(k);
  }

  /**
   * One data directory and, if the operator gave one ({@code PATH:SIZE}), its share of the offered
   * capacity; directories without one share the rest by file-system size ({@code CapacitySplit}).
   */
  public record DataDir(Path path, OptionalLong capacityBytes) {
    public DataDir {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(capacityBytes, "capacityBytes");
      if (capacityBytes.isPresent() && capacityBytes.getAsLong() <= 0) {
        throw new IllegalArgumentException(
            "the capacity of data dir " + path + " must be positive");
      }
    }

    /**
     * Parses {@code PATH} or {@code PATH:SIZE}; the part after the last colon is a size only if it
     * reads as one (digits and an optional K/M/G/T/P), so other paths with colons still work.
     */
    public static DataDir parse(String s) {
      String t = s.trim();
      int colon = t.lastIndexOf(':');
      if (colon > 0 && SIZE.matcher(t.substring(colon + 1).trim()).matches()) {
        return new DataDir(
            Path.of(t.substring(0, colon).trim()),
            OptionalLong.of(parseBytes("data-dir " + t, t.substring(colon + 1))));
      }
      if (t.isEmpty()) {
        throw new IllegalArgumentException("data-dir must not be empty");
      }
      return new DataDir(Path.of(t), OptionalLong.empty());
    }
  }

  private static final Pattern SIZE =
      Pattern.compile("[0-9]+\\s*([KMGTP]B?)?", Pattern.CASE_INSENSITIVE);

  public AgentConfig {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    dataDirs = List.copyOf(dataDirs);
    if (dataDirs.isEmpty()) {
      throw new IllegalArgumentException("at least one data-dir is needed");
    }
    Set<Path> distinct = new HashSet<>();
    long explicit = 0;
    boolean allExplicit = true;
    for (DataDir d : dataDirs) {
      if (!distinct.add(d.path().toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("data-dir " + d.path() + " is given twice");
      }
      if (d.capacityBytes().isPresent()) {
        explicit = Math.addExact(explicit, d.capacityBytes().getAsLong());
      } else {
        allExplicit = false;
      }
    }
    if (allExplicit ? explicit != capacityBytes : explicit >= capacityBytes) {
      throw new IllegalArgumentException(
          "the data-dir capacities add up to "
              + explicit
              + " bytes; capacity ("
              + capacityBytes
              + ") must "
              + (allExplicit ? "equal that (or be left unset)" : "exceed that"));
    }
    if (replayCacheSize <= 0 || ioThreads <= 0 || maxHeaderBytes < 8192) {
      throw new IllegalArgumentException(
          "replay-cache-size and io-threads must be positive, max-header-bytes >= 8192");
    }
    if (scrubBytesPerSecond < 0) {
      throw new IllegalArgumentException("scrub-rate must not be negative");
    }
    allowedGateways =
        allowedGateways.stream()
            .map(Signatures::normalizeAddress)
            .collect(Collectors.toUnmodifiableSet());
    hpId = hpId.map(Signatures::normalizeAddress);
  }

  /** Parses flags, environment and the optional config file; throws on unknown or bad keys. */
  public static AgentConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = new HashMap<>();
    List<String> dataDirFlags = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument " + arg + " (flags are --key=value)");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String key;
      String value;
      if (eq >= 0) {
        key = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (i + 1 < args.length) {
        key = body;
        value = args[++i];
      } else {
        throw new IllegalArgumentException("flag --" + body + " needs a value");
      }
      if (key.equals("data-dir")) {
        dataDirFlags.add(value); // the one key that may be repeated
      }
      flags.put(key, value);
    }
    if (!dataDirFlags.isEmpty()) {
      flags.put("data-dir", String.join(",", dataDirFlags));
    }
    Map<String, String> file = new HashMap<>();
    String configPath = flags.remove("config");
    if (configPath == null) {
      configPath = env.get("ICN_AGENT_CONFIG");
    }
    if (configPath != null) {
      Properties props = new Properties();
      try (Reader r = Files.newBufferedReader(Path.of(configPath))) {
        props.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read config file " + configPath, e);
      }
      props.forEach((k, v) -> file.put(k.toString().trim(), v.toString().trim()));
    }
    for (String key : flags.keySet()) {
      requireKnown(key, "flag --" + key);
    }
    for (String key : file.keySet()) {
      requireKnown(key, "config key " + key);
    }
    Map<String, String> v = new HashMap<>();
    for (Map.Entry<String, String[]> e : KEYS.entrySet()) {
      String key = e.getKey();
      String value = e.getValue()[0];
      value = file.getOrDefault(key, value);
      value = env.getOrDefault(envName(key), value);
      value = flags.getOrDefault(key, value);
      v.put(key, value);
    }
    InetSocketAddress listen = parseAddress(v.get("listen"));
    List<DataDir> dataDirs =
        Arrays.stream(v.get("data-dir").split(","))
            .filter(s -> !s.isBlank())
            .map(DataDir::parse)
            .toList();
    boolean capacityGiven =
        flags.containsKey("capacity")
            || env.containsKey(envName("capacity"))
            || file.containsKey("capacity");
    long capacity =
        !capacityGiven && dataDirs.stream().allMatch(d -> d.capacityBytes().isPresent())
            ? dataDirs.stream().mapToLong(d -> d.capacityBytes().getAsLong()).sum()
            : parseBytes("capacity", v.get("capacity"));
    Path primary = dataDirs.isEmpty() ? Path.of(".") : dataDirs.getFirst().path();
    String endpoint =
        v.get("endpoint").isEmpty()
            ? "http://" + listen.getHostString() + ":" + listen.getPort()
            : v.get("endpoint");
    return new AgentConfig(
        listen,
        endpoint,
        dataDirs,
        capacity,
        v.get("region"),
        v.get("site"),
        v.get("hardware-class"),
        optional(v.get("hp-id")),
        optional(v.get("placement-url")),
        v.get("key-file").isEmpty() ? primary.resolve("node.key") : Path.of(v.get("key-file")),
        Arrays.stream(v.get("allowed-gateways").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        parseDuration("max-clock-skew", v.get("max-clock-skew")),
        parseInt("replay-cache-size", v.get("replay-cache-size")),
        parseBoolean("verify-merkle", v.get("verify-merkle")),
        parseBytes("scrub-rate", v.get("scrub-rate")),
        parseDuration("heartbeat-interval", v.get("heartbeat-interval")),
        parseDuration("shutdown-grace", v.get("shutdown-grace")),
        parseInt("io-threads", v.get("io-threads")),
        parseInt("max-header-bytes", v.get("max-header-bytes")),
        parseDuration("idle-timeout", v.get("idle-timeout")));
  }

  /** The first data directory: it holds the node key (unless {@code key-file} says otherwise). */
  public Path primaryDataDir() {
    return dataDirs.getFirst().path();
  }

  /** The environment variable for {@code key}: {@code ICN_AGENT_} + upper snake case. */
  public static String envName(String key) {
    return "ICN_AGENT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The {@code --help} text. */
  public static String help() {
    StringBuilder out =
        new StringBuilder(
            """
            scalernode-agent: stores erasure-coded shards for the ICN storage network.

            Usage: scalernode-agent [--config FILE] [--key=value ...]

            Every key can be a flag (--capacity=4T), an environment variable
            (ICN_AGENT_CAPACITY=4T) or a line in the properties file given by --config
            (capacity=4T). Flags win over the environment, which wins over the file.
            The first start creates the node key and prints the node id (its address):
            register that address with the network. Sizes take K/M/G/T suffixes (powers
            of 1024); durations take ms/s/m/h suffixes.

            Several disks: repeat --data-dir or separate directories with commas
            (--data-dir=/disk1/icn,/disk2/icn; ICN_AGENT_DATA_DIR and the file take the
            comma form). New shards spread over them by free space. --capacity is split
            over them in proportion to each file system's size, unless a directory says
            its own share as PATH:SIZE (/disk1/icn:4T); if every directory does,
            --capacity defaults to their sum. The node key lives in the first directory.

            Keys:
            """);
    for (Map.Entry<String, String[]> e : KEYS.entrySet()) {
      out.append(String.format("  --%-20s %s%n", e.getKey(), e.getValue()[1]));
      out.append(
          String.format(
              "  %-22s default: %s; env %s%n",
              "", e.getValue()[0].isEmpty() ? "(none)" : e.getValue()[0], envName(e.getKey())));
    }
    return out.toString();
  }

  private static void requireKnown(String key, String where) {
    if (!KEYS.containsKey(key)) {
      throw new IllegalArgumentException("unknown " + where);
    }
  }

  private static Optional<String> optional(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static InetSocketAddress parseAddress(String s) {
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("listen must be host:port, got " + s);
    }
    return new InetSocketAddress(
        s.substring(0, colon), parseInt("listen port", s.substring(colon + 1)));
  }

  static long parseBytes(String key, String s) {
    String t = s.trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    List<String> suffixes = List.of("K", "M", "G", "T", "P");
    for (int i = 0; i < suffixes.size(); i++) {
      if (t.endsWith(suffixes.get(i)) || t.endsWith(suffixes.get(i) + "B")) {
        unit = 1L << (10 * (i + 1));
        t = t.substring(0, t.indexOf(suffixes.get(i)));
        break;
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(t.trim()), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(key + " must be a size like 500G, got " + s);
    }
  }

  static Duration parseDuration(String key, String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be a duration like 30s, got " + s);
    }
  }

  private static int parseInt(String key, String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got " + s);
    }
  }

  private static boolean parseBoolean(String key, String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got " + s);
    };
  }
}
