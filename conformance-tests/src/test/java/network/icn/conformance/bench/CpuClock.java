package network.icn.conformance.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process (the benchmark's client) and of the whole machine, read at the start and
 * the end of a measured window.
 */
final class CpuClock {
  /** This process's CPU time and the machine's busy and total jiffies at one instant. */
  record Reading(long processNanos, long machineBusyJiffies, long machineTotalJiffies) {
    /** This process's CPU milliseconds since {@code start}. */
    long processMillisSince(Reading start) {
      return (processNanos - start.processNanos) / 1_000_000;
    }

    /**
     * Share of all CPUs that were busy (user, nice, system, irq, softirq, steal) since {@code
     * start}, in percent: 100 means every CPU was busy the whole time. NaN if unknown.
     */
    double machineBusyPercentSince(Reading start) {
      long total = machineTotalJiffies - start.machineTotalJiffies;
      return total <= 0
          ? Double.NaN
          : 100.0 * (machineBusyJiffies - start.machineBusyJiffies) / total;
    }
  }

  private CpuClock() {}

  static Reading read() {
    long process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long busy = 0;
    long total = 0;
    try {
      // First line of /proc/stat: "cpu  user nice system idle iowait irq softirq steal ..."
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        long v = Long.parseLong(f[i]);
        total += v;
        if (i != 4 && i != 5) { // idle, iowait
          busy += v;
        }
      }
    } catch (IOException | RuntimeException e) {
      busy = 0;
      total = 0;
    }
    return new Reading(process, busy, total);
  }
}
