package network.icn.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.icn.agent.AgentConfig;
import network.icn.agent.RunningAgent;
import network.icn.agent.client.Signatures;
import network.icn.gateway.metadata.AccessKeyring;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.TenantStatus;
import network.icn.placement.api.BookingRequest;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementService;
import org.web3j.crypto.ECKeyPair;

/**
 * What {@code dev} mode adds to a gateway: local agents in-process (own data dirs under the data
 * dir, reused on restart), a {@code dev} tenant with a booking and an access key, and the secrets a
 * newcomer needs (generated once, kept in the data dir, printed on every start).
 */
final class DevMode {
  static final String TENANT = "dev";
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private DevMode() {}

  /** The dev tenant's key pair: from the flags, else from the data dir, else generated. */
  record DevCredentials(String accessKey, String secretKey) {}

  static List<RunningAgent> startAgents(
      GatewayConfig config,
      Clock clock,
      PlacementService placement,
      ECKeyPair gatewayKey,
      List<AutoCloseable> closeables)
      throws IOException, InterruptedException {
    List<RunningAgent> agents = new java.util.ArrayList<>();
    for (int i = 0; i < config.devAgents(); i++) {
      Path dir = config.dataDir().resolve("agent-" + i);
      Files.createDirectories(dir);
      AgentConfig agentConfig =
          AgentConfig.parse(
              new String[] {
                "--listen=127.0.0.1:0",
                "--data-dir=" + dir,
                "--capacity=4G",
                "--region=" + config.placementRegion(),
                "--site=dev-site-" + i,
                "--io-threads=1",
                "--shutdown-grace=1s",
                "--allowed-gateways=" + Signatures.address(gatewayKey)
              },
              Map.of());
      RunningAgent agent = RunningAgent.start(agentConfig, clock, Optional.of(placement));
      closeables.add(agent);
      agents.add(agent);
    }
    // Each agent must have registered in this run: after a restart placement still holds the
    // nodes as ACTIVE, but with the ports of the previous run.
    for (int attempt = 0; attempt < 500; attempt++) {
      long active = placement.nodes().stream().filter(n -> n.state() == NodeState.ACTIVE).count();
      boolean registered = agents.stream().allMatch(a -> a.registrationSuccesses() > 0);
      if (registered && active >= config.devAgents()) {
        return agents;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("dev agents did not register within 10 s");
  }

  /** Creates the dev tenant and its booking on the first start; issues the key if it is new. */
  static void tenant(
      GatewayConfig config,
      Clock clock,
      PlacementService placement,
      MetadataStore metadata,
      AccessKeyring keyring,
      DevCredentials credentials) {
    Instant now = clock.instant();
    if (metadata.getTenant(TENANT).isEmpty()) {
      metadata.createTenant(new TenantRecord(TENANT, "Dev tenant", now, TenantStatus.ACTIVE));
      placement.book(
          new BookingRequest(
              TENANT,
              config.placementRegion(),
              1_000_000,
              now.minusSeconds(60),
              now.plus(Duration.ofDays(3650))));
    }
    if (metadata.getAccessKey(credentials.accessKey()).isEmpty()) {
      keyring.issue(TENANT, credentials.accessKey(), credentials.secretKey());
      return;
    }
    Optional<AccessKeyring.Credentials> stored = keyring.credentials(credentials.accessKey());
    if (stored.isEmpty() || !stored.get().secret().equals(credentials.secretKey())) {
      throw new IllegalArgumentException(
          "access key "
              + credentials.accessKey()
              + " already exists in "
              + config.dataDir()
              + " with another secret (or revoked); pass its secret or another access key");
    }
  }

  static DevCredentials credentials(GatewayConfig config, SecureRandom random) throws IOException {
    if (config.accessKey().isPresent()) {
      return new DevCredentials(config.accessKey().get(), config.secretKey().orElseThrow());
    }
    Path file = config.dataDir().resolve("dev-credentials");
    String generated =
        random(random, KEY_ALPHABET, 20) + "\n" + random(random, SECRET_ALPHABET, 40);
    List<String> lines = readOrCreate(file, generated).lines().toList();
    if (lines.size() != 2) {
      throw new IllegalStateException(file + " must hold two lines: access key, secret key");
    }
    return new DevCredentials(lines.get(0).strip(), lines.get(1).strip());
  }

  static String adminToken(GatewayConfig config, SecureRandom random) throws IOException {
    if (config.adminToken().isPresent()) {
      return config.adminToken().get();
    }
    return readOrCreate(
            config.dataDir().resolve("admin.token"), random(random, SECRET_ALPHABET, 40))
        .strip();
  }

  /** A master key generated once and kept in the data dir (dev mode only). */
  static String masterKey(GatewayConfig config, SecureRandom random) throws IOException {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return readOrCreate(config.dataDir().resolve("master.key"), HexFormat.of().formatHex(key))
        .strip();
  }

  /** The file's content, or {@code fresh} written to a new owner-only file. */
  private static String readOrCreate(Path file, String fresh) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, fresh + "\n", StandardCharsets.US_ASCII);
    try {
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(tmp);
    }
    return Files.readString(file, StandardCharsets.US_ASCII);
  }

  private static String random(SecureRandom random, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
