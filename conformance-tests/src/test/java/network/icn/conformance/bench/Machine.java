package network.icn.conformance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Facts about the host the benchmark prints, and the few host commands it runs. */
final class Machine {
  private Machine() {}

  /** CPU model and count, memory, JDK, and {@code df -T} of the data directory. */
  static void describe(PrintStream out, Path dataDir) {
    out.println("cpu: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
    out.println("memory: " + memTotal());
    out.println(
        "jdk: "
            + System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    out.println("disk (df -T " + dataDir + "):");
    for (String line : run(List.of("df", "-T", dataDir.toString()))) {
      out.println("  " + line);
    }
  }

  /** The first three fields of /proc/loadavg (1, 5, 15 minutes). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Flushes dirty pages (sync(1)), so one server's writes are not paid for by the next run. */
  static void sync() {
    run(List.of("sync"));
  }

  /** Total size of the regular files under {@code root}. */
  static long treeBytes(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // deleted while walking
                }
              })
          .sum();
    } catch (java.io.UncheckedIOException e) {
      return -1; // a directory vanished while walking: not settled yet
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines;
      try (var in = p.getInputStream()) {
        lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return lines;
    } catch (IOException e) {
      return List.of(command.getFirst() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
