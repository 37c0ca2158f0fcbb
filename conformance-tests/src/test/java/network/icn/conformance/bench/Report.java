package network.icn.conformance.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The printed results: one markdown table, the ratios, the peak RSS and the targets. */
final class Report {
  private final List<PhaseRunner.Result> results = new ArrayList<>();

  void add(PhaseRunner.Result result) {
    results.add(result);
  }

  static void printHeader(PrintStream out) {
    out.println(
        "| phase | system | MB/s | ops/s | p50 ms | p99 ms | ops | errors | server CPU ms/op |"
            + " server RSS MiB | client CPU ms/op | machine busy % |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  }

  static void printRow(PrintStream out, PhaseRunner.Result r) {
    out.println(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %.1f | %.2f | %.2f | %d | %d | %.3f | %d | %.3f | %.0f |",
            r.phase().label(),
            r.system(),
            r.mbPerSecond(),
            r.opsPerSecond(),
            r.percentileMillis(50),
            r.percentileMillis(99),
            r.ops(),
            r.errors(),
            r.cpuMillisPerOp(),
            r.rssMib(),
            r.clientCpuMillisPerOp(),
            r.machineBusyPercent()));
  }

  /** The ratio row of a phase: ours / S3Proxy for every column. */
  static void printRatio(PrintStream out, PhaseRunner.Result ours, PhaseRunner.Result theirs) {
    out.println(
        String.format(
            Locale.ROOT,
            "| %s | **ICN/S3Proxy** | **%.2f×** | **%.2f×** | %.2f× | %.2f× | | | %.2f× | | %.2f× | |",
            ours.phase().label(),
            ours.mbPerSecond() / theirs.mbPerSecond(),
            ours.opsPerSecond() / theirs.opsPerSecond(),
            ours.percentileMillis(50) / theirs.percentileMillis(50),
            ours.percentileMillis(99) / theirs.percentileMillis(99),
            ours.cpuMillisPerOp() / theirs.cpuMillisPerOp(),
            ours.clientCpuMillisPerOp() / theirs.clientCpuMillisPerOp()));
  }

  /** The whole table, each phase's rows followed by its ratio row. */
  void printTable(PrintStream out) {
    printHeader(out);
    List<Phase> phases = results.stream().map(PhaseRunner.Result::phase).distinct().toList();
    for (Phase phase : phases) {
      Optional<PhaseRunner.Result> theirs = find(phase, Servers.S3PROXY);
      Optional<PhaseRunner.Result> ours = find(phase, Servers.ICN);
      theirs.ifPresent(r -> printRow(out, r));
      ours.ifPresent(r -> printRow(out, r));
      if (ours.isPresent() && theirs.isPresent()) {
        printRatio(out, ours.get(), theirs.get());
      }
    }
    out.println();
    out.println(
        "Ratios are ICN/S3Proxy: for MB/s and ops/s above 1 means we are faster; for p50, p99 and"
            + " CPU ms/op below 1 means our latency or CPU cost is lower. Server CPU ms/op is the"
            + " server process's user+system CPU time in the window divided by its operations (for"
            + " ICN it includes the six agents); client CPU ms/op the same for the benchmark's own"
            + " process (the SDK client); machine busy % the share of all CPUs that were busy in"
            + " the window (100 = every core, whoever used it).");
  }

  /** The targets, each met or not, for the phases that ran. */
  void printTargets(PrintStream out, Optional<Long> icnPeakRssMib) {
    out.println("Targets:");
    for (PhaseRunner.Result ours : results) {
      if (!ours.system().equals(Servers.ICN)) {
        continue;
      }
      Optional<PhaseRunner.Result> theirs = find(ours.phase(), Servers.S3PROXY);
      if (theirs.isEmpty()) {
        continue;
      }
      Phase phase = ours.phase();
      if (phase.size() == 64 << 20) {
        verdict(
            out,
            phase.label() + " MB/s >= 1.0x S3Proxy",
            ours.mbPerSecond() / theirs.get().mbPerSecond(),
            true,
            1.0);
      } else if (phase.size() == 4 << 10) {
        verdict(
            out,
            phase.label() + " ops/s >= 1.0x S3Proxy",
            ours.opsPerSecond() / theirs.get().opsPerSecond(),
            true,
            1.0);
        verdict(
            out,
            phase.label() + " p99 <= 2.0x S3Proxy",
            ours.percentileMillis(99) / theirs.get().percentileMillis(99),
            false,
            2.0);
      }
    }
    icnPeakRssMib.ifPresent(
        rss ->
            out.println(
                String.format(
                    Locale.ROOT,
                    "  %-40s %s (VmHWM %d MiB)",
                    "ICN gateway peak RSS < 512 MiB",
                    rss < 512 ? "MET" : "NOT MET",
                    rss)));
  }

  /**
   * For each 64 MiB phase: the most operations per second our server could reach on this machine if
   * it spent nothing beyond {@code floor} (client CPU as measured, the smaller of the two systems'
   * figures), against S3Proxy's measured figure. {@code cores / (client + floor)} is a hard
   * ceiling: CPU time cannot exceed the cores available.
   */
  void printFloorBounds(PrintStream out, WorkFloor.Costs floor, int cores) {
    out.println(
        "Ceiling from the unavoidable work alone (cores / (client CPU per op + our floor)), as a"
            + " ratio to S3Proxy's measured throughput:");
    for (PhaseRunner.Result ours : results) {
      if (!ours.system().equals(Servers.ICN) || ours.phase().size() != 64 << 20) {
        continue;
      }
      Optional<PhaseRunner.Result> theirs = find(ours.phase(), Servers.S3PROXY);
      if (theirs.isEmpty() || ours.ops() == 0 || theirs.get().ops() == 0) {
        continue;
      }
      double client = Math.min(ours.clientCpuMillisPerOp(), theirs.get().clientCpuMillisPerOp());
      double serverFloor = ours.phase().op() == Phase.Op.PUT ? floor.icnPut() : floor.icnGet();
      double ceilingOps = cores * 1000.0 / (client + serverFloor);
      out.println(
          String.format(
              Locale.ROOT,
              "  %-16s client %.1f + floor %.1f ms/op -> at most %.1f ops/s = %.2fx S3Proxy's %.1f"
                  + " ops/s (S3Proxy's window: machine %.0f%% busy)",
              ours.phase().label(),
              client,
              serverFloor,
              ceilingOps,
              ceilingOps / theirs.get().opsPerSecond(),
              theirs.get().opsPerSecond(),
              theirs.get().machineBusyPercent()));
    }
  }

  private static void verdict(
      PrintStream out, String what, double ratio, boolean atLeast, double bound) {
    boolean met = atLeast ? ratio >= bound : ratio <= bound;
    out.println(
        String.format(Locale.ROOT, "  %-40s %s (%.2fx)", what, met ? "MET" : "NOT MET", ratio));
  }

  private Optional<PhaseRunner.Result> find(Phase phase, String system) {
    return results.stream()
        .filter(r -> r.phase().equals(phase) && r.system().equals(system))
        .findFirst();
  }
}
