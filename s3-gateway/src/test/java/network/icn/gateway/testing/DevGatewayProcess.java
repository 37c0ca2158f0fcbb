package network.icn.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code GatewayMain dev} as a child JVM, as the README runs it but on port 0: the test's class
 * path, the project's JVM flags (system property {@code icn.jvm.flags}), stderr to a file, stdout
 * read line by line. {@link #start} returns once the gateway printed {@code ready:}; {@link
 * #close()} kills it (and anything it started) by PID.
 *
 * <pre>{@code
 * try (DevGatewayProcess gw = DevGatewayProcess.start(data, stderrFile, List.of("-Xmx512m"),
 *     List.of("--dev-agents", "8"))) {
 *   URI endpoint = URI.create(gw.endpoint());   // keys: gw.line("access key:"), ...
 * }
 * }</pre>
 */
public final class DevGatewayProcess implements AutoCloseable {
  private static final String DEFAULT_FLAGS =
      "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED";

  private final Process process;
  private final Thread reader;
  private final List<String> stdout;
  private final String endpoint;

  private DevGatewayProcess(Process process, Thread reader, List<String> stdout, String endpoint) {
    this.process = process;
    this.reader = reader;
    this.stdout = stdout;
    this.endpoint = endpoint;
  }

  /**
   * Starts {@code GatewayMain dev --port 0 --data-dir data} plus {@code gatewayArgs}, with {@code
   * jvmOptions} (heap size and the like) before the class path, and waits up to 90 s for its {@code
   * ready:} line.
   */
  public static DevGatewayProcess start(
      Path data, Path stderr, List<String> jvmOptions, List<String> gatewayArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("icn.jvm.flags", DEFAULT_FLAGS).split(" ")));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "network.icn.gateway.GatewayMain",
            "dev",
            "--port",
            "0",
            "--data-dir",
            data.toString()));
    command.addAll(gatewayArgs);
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                      lines.add(l);
                    }
                  } catch (IOException ignored) {
                    // the process ended
                  }
                });
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        for (String l : lines) {
          if (l.startsWith("ready: ")) {
            return new DevGatewayProcess(
                process, reader, lines, l.substring("ready: ".length()).strip());
          }
        }
        if (!process.isAlive()) {
          throw new AssertionError("gateway exited " + process.exitValue() + ": " + lines);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no ready line within 90 s: " + lines);
    } catch (AssertionError | InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  public Process process() {
    return process;
  }

  /** The thread copying stdout into {@link #stdout()}; it ends when the process does. */
  public Thread reader() {
    return reader;
  }

  /** What the gateway printed so far. */
  public List<String> stdout() {
    return stdout;
  }

  /** The {@code ready:} URL, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return endpoint;
  }

  /** The value of the banner line starting with {@code prefix} (e.g. {@code "access key:"}). */
  public String line(String prefix) {
    return stdout.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + stdout));
  }

  /** SIGKILL to the gateway and anything it started; waits up to 30 s for it to end. */
  public void kill() throws InterruptedException {
    kill(process);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private static void kill(Process process) {
    ProcessHandle handle = process.toHandle();
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
  }

  /** Kills the process if it still runs (a no-op after a clean exit). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
