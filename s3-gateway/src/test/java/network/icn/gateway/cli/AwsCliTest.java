package network.icn.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import network.icn.gateway.GatewayConfig;
import network.icn.gateway.GatewayMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws cli (v1 or v2, whichever {@code aws} is on PATH; CI installs Debian's {@code awscli})
 * against an in-process dev gateway: {@code s3 mb}, {@code cp} up and down of 0 B, 1 B and 100 MiB
 * files, {@code ls}, {@code sync} both ways, {@code presign} fetched with curl, {@code rm
 * --recursive}, {@code rb}, comparing the SHA-256 of every download with its source.
 *
 * <p>The cli's config sets an 8 MB multipart threshold and part size, so the 100 MiB copy goes up
 * as a 13-part multipart upload (its ETag ends in {@code -13}) and comes down with the cli's ranged
 * GETs.
 *
 * <p>Every cli run has a timeout; on timeout the process and its children are killed by PID. A
 * missing {@code aws} binary fails the test (it is an acceptance test, not optional).
 */
@Timeout(900)
final class AwsCliTest {
  private static final String KEY = "AKIAAWSCLITEST000001";
  private static final String SECRET = "aws-cli-test-secret-0123456789abcdefghij";
  private static final String REGION = "us-east-1";
  private static final long COMMAND_TIMEOUT_SECONDS = 300;

  @TempDir static Path dir;
  private static GatewayMain.Running gateway;
  private static String endpoint;
  private static Path aws;
  private static Map<String, String> env;

  @BeforeAll
  static void start() throws Exception {
    aws =
        findOnPath("aws")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the aws cli is not on PATH; install it (Debian: apt-get install awscli;"
                            + " .ci/run does this) — this acceptance test does not skip"));
    GatewayConfig config =
        GatewayConfig.parse(
            new String[] {
              "--dev",
              "--port=0",
              "--data-dir=" + dir.resolve("gateway"),
              "--access-key=" + KEY,
              "--secret-key=" + SECRET,
              "--region=" + REGION
            },
            Map.of());
    gateway =
        GatewayMain.start(
            config,
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    endpoint = "http://127.0.0.1:" + gateway.port();

    Path configFile = dir.resolve("aws-config");
    Files.writeString(
        configFile,
        """
        [default]
        region = %s
        s3 =
            multipart_threshold = 8MB
            multipart_chunksize = 8MB
            addressing_style = path
            signature_version = s3v4
        """
            .formatted(REGION));
    Path credentials = dir.resolve("aws-credentials");
    Files.writeString(credentials, "");
    env = new TreeMap<>();
    env.put("AWS_ACCESS_KEY_ID", KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET);
    env.put("AWS_DEFAULT_REGION", REGION);
    env.put("AWS_CONFIG_FILE", configFile.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    env.put("AWS_PAGER", ""); // v2 would page through `less`
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    System.out.println("aws cli: " + run(List.of(aws.toString(), "--version")).all().strip());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(s -> Path.of(s, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** {@code aws --endpoint-url <gateway> s3 <args>}, which must succeed. */
  private static String s3(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(aws.toString(), "--endpoint-url", endpoint, "s3"));
    command.addAll(List.of(args));
    Result r = run(command);
    if (r.status() != 0) {
      fail("aws s3 " + String.join(" ", args) + " exited " + r.status() + ":\n" + r.all());
    }
    return r.out();
  }

  /** Runs a command with the test's aws environment, killing it (and its children) on timeout. */
  private static Result run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try {
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(
            String.join(" ", command)
                + " did not finish within "
                + COMMAND_TIMEOUT_SECONDS
                + " s:\n"
                + Files.readString(out)
                + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      if (process.isAlive()) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static Path randomFile(Path file, long size, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(seed);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        random.nextBytes(buf);
        int n = (int) Math.min(buf.length, left);
        out.write(buf, 0, n);
        left -= n;
      }
    }
    return file;
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Relative path → SHA-256 of every file under {@code root}. */
  private static Map<String, String> tree(Path root) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sums.put(root.relativize(f).toString(), sha256(f));
      }
    }
    return sums;
  }

  @Test
  void mbCpLsSyncPresignRmRbWithChecksumsOfEveryDownload() throws Exception {
    s3("mb", "s3://cli-test");
    assertTrue(s3("ls").contains("cli-test"));

    Path up = dir.resolve("up");
    Path down = dir.resolve("down");
    Files.createDirectories(down);
    Map<String, Path> files = new TreeMap<>();
    files.put("empty.bin", randomFile(up.resolve("empty.bin"), 0, 1));
    files.put("one.bin", randomFile(up.resolve("one.bin"), 1, 2));
    files.put("big.bin", randomFile(up.resolve("big.bin"), 100L << 20, 3));
    for (Map.Entry<String, Path> f : files.entrySet()) {
      s3("cp", f.getValue().toString(), "s3://cli-test/files/" + f.getKey());
      Path back = down.resolve(f.getKey());
      s3("cp", "s3://cli-test/files/" + f.getKey(), back.toString());
      assertEquals(Files.size(f.getValue()), Files.size(back), f.getKey());
      assertEquals(sha256(f.getValue()), sha256(back), f.getKey());
    }

    List<String> head =
        new ArrayList<>(
            List.of(
                aws.toString(),
                "--endpoint-url",
                endpoint,
                "s3api",
                "head-object",
                "--bucket",
                "cli-test",
                "--key",
                "files/big.bin"));
    Result headResult = run(head);
    assertEquals(0, headResult.status(), headResult.all());
    assertTrue(headResult.out().contains("-13\\\""), "multipart ETag: " + headResult.out());

    String listing = s3("ls", "s3://cli-test/files/");
    assertTrue(listing.contains(" 0 empty.bin"), listing);
    assertTrue(listing.contains(" 1 one.bin"), listing);
    assertTrue(listing.contains(" " + (100L << 20) + " big.bin"), listing);

    Path src = dir.resolve("sync-src");
    for (int i = 0; i < 5; i++) {
      randomFile(src.resolve("dir-" + (i % 2)).resolve("f" + i + ".dat"), 1000L * i + 7, 10 + i);
    }
    randomFile(src.resolve("top.txt"), 300_000, 20);
    s3("sync", src.toString(), "s3://cli-test/sync/");
    Path dst = dir.resolve("sync-dst");
    s3("sync", "s3://cli-test/sync/", dst.toString());
    assertEquals(tree(src), tree(dst));
    // A second sync finds nothing to do.
    assertFalse(s3("sync", src.toString(), "s3://cli-test/sync/").contains("upload:"));
    String recursive = s3("ls", "--recursive", "s3://cli-test/sync/");
    assertEquals(6, recursive.lines().count(), recursive);

    String url = s3("presign", "s3://cli-test/files/one.bin", "--expires-in", "300").strip();
    assertTrue(url.startsWith(endpoint + "/cli-test/files/one.bin?"), url);
    Path fetched = dir.resolve("presigned.bin");
    Result curl = run(List.of("curl", "-sS", "-f", "-o", fetched.toString(), url));
    assertEquals(0, curl.status(), url + "\n" + curl.all());
    assertTrue(url.contains("X-Amz-Signature="), url);
    assertEquals(sha256(files.get("one.bin")), sha256(fetched));

    s3("rm", "--recursive", "s3://cli-test/");
    assertEquals("", s3("ls", "--recursive", "s3://cli-test/").strip());
    s3("rb", "s3://cli-test");
    assertFalse(s3("ls").contains("cli-test"));
  }
}
