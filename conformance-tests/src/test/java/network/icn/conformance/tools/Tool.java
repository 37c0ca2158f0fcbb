package network.icn.conformance.tools;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool run as child processes: found on PATH (a missing tool fails the test, it
 * never skips), given its own environment (inherited variables with the tool's prefix are dropped
 * so the developer's own profile cannot leak in), bounded in time, and killed by PID with its
 * descendants when the bound passes. Output goes to files, so a chatty tool cannot block on a full
 * pipe, and every failure message carries the command, its exit status, stdout and stderr.
 */
final class Tool {
  private final Path executable;
  private final List<String> leadingArgs;
  private final Map<String, String> env;
  private final List<String> envPrefixesToDrop;
  private final Path scratch;
  private final Duration timeout;

  private Tool(
      Path executable,
      List<String> leadingArgs,
      Map<String, String> env,
      List<String> envPrefixesToDrop,
      Path scratch,
      Duration timeout) {
    this.executable = executable;
    this.leadingArgs = List.copyOf(leadingArgs);
    this.env = Map.copyOf(env);
    this.envPrefixesToDrop = List.copyOf(envPrefixesToDrop);
    this.scratch = scratch;
    this.timeout = timeout;
  }

  /**
   * The tool {@code name} from PATH, every run prefixed by {@code leadingArgs}, with {@code env}
   * set and inherited variables starting with any of {@code envPrefixesToDrop} removed (the machine
   * may set {@code AWS_CA_BUNDLE} and the like, which the tools would obey); output files go under
   * {@code scratch}.
   */
  static Tool locate(
      String name,
      String installHint,
      List<String> leadingArgs,
      Map<String, String> env,
      List<String> envPrefixesToDrop,
      Path scratch,
      Duration timeout)
      throws IOException {
    Path executable =
        onPath(name)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "`"
                            + name
                            + "` is not on PATH ("
                            + System.getenv("PATH")
                            + "); install it ("
                            + installHint
                            + "; .ci/run does this). This conformance test fails rather than"
                            + " skips without it."));
    Files.createDirectories(scratch);
    return new Tool(executable, leadingArgs, env, envPrefixesToDrop, scratch, timeout);
  }

  private static java.util.Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return java.util.Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(s -> Path.of(s, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** What one run did. */
  record Result(List<String> command, int status, String out, String err) {
    /** The command, its status and both streams, for assertion messages. */
    String describe() {
      return String.join(" ", command)
          + "\n  exit "
          + status
          + "\n  stdout:\n"
          + out.indent(4)
          + "  stderr:\n"
          + err.indent(4);
    }
  }

  /** Runs the tool with {@code args}, whatever its exit status. */
  Result run(String... args) throws IOException, InterruptedException {
    return run(null, args);
  }

  /** Runs the tool with {@code args} reading {@code stdin} (null: nothing). */
  Result run(Path stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(leadingArgs);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> envPrefixesToDrop.stream().anyMatch(k::startsWith));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(
        stdin == null
            ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        stop(process);
        fail(
            "timed out after "
                + timeout.toSeconds()
                + " s, killed (pid "
                + process.pid()
                + "): "
                + new Result(command, -1, Files.readString(out), Files.readString(err)).describe());
      }
      return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      stop(process);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs the tool with {@code args} and fails the test unless it exits 0. */
  Result ok(String... args) throws IOException, InterruptedException {
    return okWithInput(null, args);
  }

  /** Runs the tool with {@code args} reading {@code stdin}; fails the test unless it exits 0. */
  Result okWithInput(Path stdin, String... args) throws IOException, InterruptedException {
    Result r = run(stdin, args);
    if (r.status() != 0) {
      fail("expected exit 0: " + r.describe());
    }
    return r;
  }

  private static void stop(Process process) throws InterruptedException {
    if (process.isAlive()) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
