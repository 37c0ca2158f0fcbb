package network.icn.conformance.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Starts the two servers the benchmark compares, each in a child JVM. */
final class Servers {
  /** A started server and how to reach it. */
  record Target(
      String name,
      URI endpoint,
      String accessKey,
      String secretKey,
      String region,
      Path dataDir,
      ServerProcess process) {}

  static final String S3PROXY = "S3Proxy";
  static final String ICN = "ICN";

  private Servers() {}

  /**
   * Our gateway in dev mode: {@code GatewayMain dev --port 0 --dev-agents 6} with the default
   * scheme (rs-4-2-256k); the six agents run inside the gateway's JVM, so its resident set includes
   * them. The classpath is the driver's minus this module's test classes; the environment has
   * {@code MALLOC_ARENA_MAX=2}, as bin/icn-gateway and the Docker image set it.
   */
  static Target icnGateway(Path dataDir, Path logDir, List<String> jvmFlags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(javaBin());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp",
            gatewayClasspath(),
            "network.icn.gateway.GatewayMain",
            "dev",
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--dev-agents",
            "6",
            "--shutdown-grace-seconds",
            "5"));
    // As bin/icn-gateway and the Docker image run it.
    ServerProcess process =
        ServerProcess.start(ICN, command, Map.of("MALLOC_ARENA_MAX", "2"), logDir);
    try {
      String ready = process.awaitLine("ready: ", Duration.ofSeconds(120));
      return new Target(
          ICN,
          URI.create(ready),
          process.line("access key:").orElseThrow(),
          process.line("secret key:").orElseThrow(),
          process.line("region:").orElseThrow(),
          dataDir,
          process);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /**
   * S3Proxy from its own jar-with-dependencies (no classpath shared with ours), filesystem backend
   * under {@code dataDir}, AWS v2/v4 authentication, on a free loopback port.
   */
  static Target s3proxy(Path jar, Path dataDir, Path logDir, List<String> jvmFlags)
      throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "S3Proxy jar not found: " + jar + " (run through the Maven profile bench)");
    }
    Files.createDirectories(dataDir);
    int port = freePort();
    String key = "benchaccesskey";
    String secret = "benchsecretkey";
    Path properties = logDir.resolve("s3proxy.properties");
    Files.createDirectories(logDir);
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + key,
            "s3proxy.credential=" + secret,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + dataDir.toAbsolutePath(),
            ""),
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(javaBin());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp", jar.toString(), "org.gaul.s3proxy.Main", "--properties", properties.toString()));
    ServerProcess process = ServerProcess.start(S3PROXY, command, Map.of(), logDir);
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    try {
      awaitHttp(process, endpoint, Duration.ofSeconds(60));
      return new Target(S3PROXY, endpoint, key, secret, "us-east-1", dataDir, process);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /** Any HTTP answer (S3Proxy says 403 to an anonymous GET /) means it serves. */
  private static void awaitHttp(ServerProcess process, URI endpoint, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      while (System.nanoTime() < deadline) {
        if (!process.alive()) {
          throw new IllegalStateException(process.name() + " exited during start-up");
        }
        try {
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
          return;
        } catch (IOException e) {
          Thread.sleep(100);
        }
      }
    }
    throw new IllegalStateException(process.name() + " did not answer within " + timeout);
  }

  /** S3Proxy needs a concrete port: bind port 0, note the port, close. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String gatewayClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry -> !entry.replace('\\', '/').endsWith("conformance-tests/target/test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The project's JVM flags ({@code icn.jvm.flags}) as a list. */
  static List<String> projectJvmFlags() {
    String flags =
        System.getProperty(
            "icn.jvm.flags",
            "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED");
    return Arrays.stream(flags.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
