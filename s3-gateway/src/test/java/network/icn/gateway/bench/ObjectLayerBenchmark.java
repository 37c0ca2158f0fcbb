package network.icn.gateway.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import network.icn.gateway.object.ObjectSink;
import network.icn.gateway.object.PutObjectRequest;
import network.icn.gateway.testing.LocalCluster;

/**
 * Object-layer throughput on a 6-agent 4+2 LocalCluster over loopback (default layout: 64 MiB
 * segments, 256 KiB chunks): PUT/GET MB/s of 64 MiB objects, ops/s and latency percentiles of 4 KiB
 * (inline) and 64 KiB (erasure-coded, one short stripe) objects. One client thread.
 *
 * <p>Args: {@code [largeCount=4] [smallCount=500]}.
 */
public final class ObjectLayerBenchmark {
  private ObjectLayerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int large = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int small = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Path dir = Files.createTempDirectory("icn-bench");
    try (LocalCluster cluster = LocalCluster.start(dir, LocalCluster.Options.defaults())) {
      cluster.createBucket("bench");
      byte[] big = new byte[64 << 20];
      new SplittableRandom(1).nextBytes(big);
      bigObjects(cluster, big, large);
      smallObjects(cluster, 4096, small);
      smallObjects(cluster, 64 * 1024, small);
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void bigObjects(LocalCluster cluster, byte[] big, int count) {
    // Warm-up.
    cluster
        .store()
        .put(PutObjectRequest.of("bench", "warm", big.length), new ByteArrayInputStream(big));
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      InputStream body = new ByteArrayInputStream(big);
      cluster.store().put(PutObjectRequest.of("bench", "big-" + i, big.length), body);
    }
    double putSeconds = (System.nanoTime() - start) / 1e9;
    long[] sink = {0};
    start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      cluster
          .store()
          .get(
              "bench",
              "big-" + i,
              Optional.empty(),
              data -> {
                sink[0] += data.remaining();
                data.position(data.limit());
              });
    }
    double getSeconds = (System.nanoTime() - start) / 1e9;
    double mb = (double) big.length * count / 1e6;
    System.out.printf(
        "64 MiB x %d: PUT %.0f MB/s, GET %.0f MB/s%n", count, mb / putSeconds, mb / getSeconds);
  }

  private static void smallObjects(LocalCluster cluster, int size, int count) {
    byte[] data = new byte[size];
    new SplittableRandom(size).nextBytes(data);
    for (int i = 0; i < 50; i++) {
      cluster
          .store()
          .put(
              PutObjectRequest.of("bench", "w-" + size + "-" + i, size),
              new ByteArrayInputStream(data));
    }
    long[] putNanos = new long[count];
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      cluster
          .store()
          .put(
              PutObjectRequest.of("bench", "s-" + size + "-" + i, size),
              new ByteArrayInputStream(data));
      putNanos[i] = System.nanoTime() - t;
    }
    double putSeconds = (System.nanoTime() - start) / 1e9;
    long[] getNanos = new long[count];
    ObjectSink discard = b -> b.position(b.limit());
    start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      cluster.store().get("bench", "s-" + size + "-" + i, Optional.empty(), discard);
      getNanos[i] = System.nanoTime() - t;
    }
    double getSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d B x %d: PUT %.0f ops/s p50 %.2f ms p99 %.2f ms; GET %.0f ops/s p50 %.2f ms p99 %.2f ms%n",
        size,
        count,
        count / putSeconds,
        pct(putNanos, 50),
        pct(putNanos, 99),
        count / getSeconds,
        pct(getNanos, 50),
        pct(getNanos, 99));
  }

  private static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
