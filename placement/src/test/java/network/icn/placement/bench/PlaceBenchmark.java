package network.icn.placement.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.icn.placement.policy.PlacementPolicy;
import network.icn.placement.policy.PolicyNode;
import network.icn.placement.policy.PolicyResult;
import network.icn.placement.policy.RegionSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Placements per second, single thread: 1 000 nodes (100 HPs × 10 nodes, 20 sites, free capacity
 * 1–16 TB), 10+4 shards of 16 MiB, a new segment id per call. The snapshot is built once, as in
 * production between registry changes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PlaceBenchmark {
  private RegionSnapshot snapshot;
  private PlacementPolicy policy;
  private String[] segments;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    List<PolicyNode> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int hp = i / 10;
      nodes.add(
          new PolicyNode(
              String.format("0x%040x", 0x1000 + i),
              String.format("0x%040x", 0xa000 + hp),
              "site-" + (hp % 20),
              "http://10.0." + (i / 250) + "." + (i % 250) + ":9000",
              (1 + (i * 7919L) % 16) * 1_000_000_000_000L));
    }
    snapshot = RegionSnapshot.build("eu-central-1", nodes, 1);
    policy = new PlacementPolicy(1);
    segments = new String[1 << 16];
    for (int i = 0; i < segments.length; i++) {
      segments[i] = "bucket/object-" + i + "/segment-0";
    }
    policy.place(snapshot, segments[0], 14, 4, 16L << 20); // build the (n, m) table
  }

  @Benchmark
  public PolicyResult place10Plus4Of1000Nodes() {
    String segment = segments[next++ & (segments.length - 1)];
    return policy.place(snapshot, segment, 14, 4, 16L << 20);
  }
}
