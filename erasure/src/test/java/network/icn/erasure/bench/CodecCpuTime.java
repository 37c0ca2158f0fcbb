package network.icn.erasure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import network.icn.erasure.ReedSolomon;
import network.icn.erasure.stripe.ChunkSlots;

/**
 * Encode throughput timed by the thread's CPU time as well as wall-clock time, for a machine shared
 * with other work, where JMH's wall-clock scores move by ±40% between runs. It walks the same
 * {@link StripePool} as {@link CodecBenchmark#encode} (80 MiB per pass over at least 96 MiB) and
 * prints MiB of data in per second: the best and median pass by wall clock and the median pass by
 * CPU time. CPU time leaves out the time the thread waits for a core, not the neighbours' use of
 * caches and memory bandwidth, so it is an estimate of single-core speed, not a clean figure.
 *
 * <p>Arguments: {@code scheme chunk layout parity seconds [stagger]}, e.g. {@code 8+4 262144
 * encoder reused 4} (layout, parity and stagger as in {@link CodecBenchmark}); the first 1.5 s are
 * warm-up.
 */
public final class CodecCpuTime {

  private CodecCpuTime() {}

  public static void main(String[] args) {
    String[] km = args[0].split("\\+");
    int k = Integer.parseInt(km[0]);
    int m = Integer.parseInt(km[1]);
    int chunk = Integer.parseInt(args[1]);
    String memory = args[2];
    boolean reused = "reused".equals(args[3]);
    double seconds = Double.parseDouble(args[4]);
    ReedSolomon codec = ReedSolomon.vector(k, m);
    int stagger = args.length > 5 ? Integer.parseInt(args[5]) : ChunkSlots.STAGGER;
    StripePool pool = StripePool.create(k, m, chunk, memory, reused, stagger, 1);
    int perPass = CodecBenchmark.stripes(k, chunk);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    long begin = System.nanoTime();
    long measureFrom = begin + 1_500_000_000L;
    long end = measureFrom + (long) (seconds * 1e9);
    while (System.nanoTime() < end || wall.isEmpty()) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int s = 0; s < perPass; s++) {
        codec.encodeParity(pool.nextBuffers(), 0, chunk);
      }
      long wallTime = System.nanoTime() - wall0;
      long cpuTime = threads.getCurrentThreadCpuTime() - cpu0;
      if (wall0 >= measureFrom) {
        wall.add(CodecBenchmark.MIB_PER_INVOCATION / (wallTime / 1e9));
        cpu.add(CodecBenchmark.MIB_PER_INVOCATION / (cpuTime / 1e9));
      }
    }
    Collections.sort(wall);
    Collections.sort(cpu);
    int n = wall.size();
    System.out.printf(
        "%s chunk=%d layout=%s stagger=%d parity=%s: wall best %.0f, wall median %.0f, CPU-time median %.0f"
            + " MiB/s (%d passes of %d MiB, %s)%n",
        args[0],
        chunk,
        memory,
        stagger,
        args[3],
        wall.get(n - 1),
        wall.get(n / 2),
        cpu.get(n / 2),
        n,
        CodecBenchmark.MIB_PER_INVOCATION,
        codec.implementation());
  }
}
