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
            + " server RSS MiB |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  }

  static void printRow(PrintStream out, PhaseRunner.Result r) {
    out.println(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %.1f | %.2f | %.2f | %d | %d | %.3f | %d |",
            r.phase().label(),
            r.system(),
            r.mbPerSecond(),
            r.opsPerSecond(),
            r.percentileMillis(50),
            r.percentileMillis(99),
            r.ops(),
            r.errors(),
            r.cpuMillisPerOp(),
            r.rssMib()));
  }

  /** The ratio row of a phase: ours / S3Proxy for every column. */
  static void printRatio(PrintStream out, PhaseRunner.Result ours, PhaseRunner.Result theirs) {
    out.println(
        String.format(
            Locale.ROOT,
            "| %s | **ICN/S3Proxy** | **%.2f×** | **%.2f×** | %.2f× | %.2f× | | | %.2f× | |",
            ours.phase().label(),
            ours.mbPerSecond() / theirs.mbPerSecond(),
            ours.opsPerSecond() / theirs.opsPerSecond(),
            ours.percentileMillis(50) / theirs.percentileMillis(50),
            ours.percentileMillis(99) / theirs.percentileMillis(99),
            ours.cpuMillisPerOp() / theirs.cpuMillisPerOp()));
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
            + " ICN it includes the six agents).");
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
