package network.icn.conformance.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server under test in its own JVM: started from a command line, its stdout kept in memory (and
 * copied to a log file), its stderr in a log file, its resident set sampled from {@code
 * /proc/<pid>/status} every 100 ms, and stopped by its process id (SIGTERM, then SIGKILL).
 */
final class ServerProcess implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 100;
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final String name;
  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final AtomicLong windowPeakRssKib = new AtomicLong();
  private final AtomicLong peakRssKib = new AtomicLong();
  private final Thread sampler;
  private volatile long windowStartCpuTicks;

  private ServerProcess(String name, Process process, Path stdoutLog) {
    this.name = name;
    this.process = process;
    Thread.ofPlatform().daemon().name(name + "-stdout").start(() -> pumpStdout(stdoutLog));
    this.sampler = Thread.ofPlatform().daemon().name(name + "-rss").start(this::sampleRss);
  }

  /** Starts {@code command} with stdout and stderr logged under {@code logDir}. */
  static ServerProcess start(
      String name, List<String> command, Map<String, String> env, Path logDir) throws IOException {
    Files.createDirectories(logDir);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(logDir.resolve(name + ".stderr.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    return new ServerProcess(name, builder.start(), logDir.resolve(name + ".stdout.log"));
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The first stdout line that starts with {@code prefix} (prefix removed), waiting for it. */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = line(prefix);
      if (line.isPresent()) {
        return line.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + "; stdout: " + stdout);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + ": no line '" + prefix + "' within " + timeout);
  }

  Optional<String> line(String prefix) {
    return stdout.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).strip())
        .findFirst();
  }

  /**
   * Starts a new window for {@link #windowPeakRssMib()} (the largest VmRSS sampled since) and
   * {@link #windowCpuMillis()}.
   */
  void resetWindow() {
    windowPeakRssKib.set(currentRssKib());
    windowStartCpuTicks = cpuTicks();
  }

  /** CPU time (user + system, all threads) the process used since {@link #resetWindow()}. */
  long windowCpuMillis() {
    return (cpuTicks() - windowStartCpuTicks) * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /** utime + stime from /proc/<pid>/stat, in clock ticks (USER_HZ, 100 on Linux). */
  private long cpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      // Fields after the command name (which may contain spaces) are separated by single spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  long windowPeakRssMib() {
    return Math.max(windowPeakRssKib.get(), currentRssKib()) / 1024;
  }

  /** The kernel's high-water mark of the resident set (VmHWM), or the largest sample if gone. */
  long peakRssMib() {
    long hwm = status("VmHWM:");
    return Math.max(hwm, peakRssKib.get()) / 1024;
  }

  long currentRssKib() {
    return status("VmRSS:");
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone (or not Linux): no sample
    }
    return 0;
  }

  private void sampleRss() {
    while (process.isAlive()) {
      long rss = currentRssKib();
      peakRssKib.accumulateAndGet(rss, Math::max);
      windowPeakRssKib.accumulateAndGet(rss, Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void pumpStdout(Path log) {
    try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (stdout.size() < 1000) {
          stdout.add(l);
        }
        out.write(l);
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** SIGTERM, up to 30 s for a clean exit, then SIGKILL; by this process's id only. */
  @Override
  public void close() {
    Optional<ProcessHandle> handle = ProcessHandle.of(process.pid());
    handle.ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        handle.ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      handle.ifPresent(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
    sampler.interrupt();
  }
}
