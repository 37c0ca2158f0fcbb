package network.icn.gateway;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import network.icn.gateway.object.ObjectStats;

/**
 * Exposes the object layer's {@link ObjectStats} as Prometheus counters, read at scrape time:
 * degraded reads, shard fan-out errors by kind, hedged reads, repairs queued, failed writes and
 * shards steered away from unreachable nodes. Labels are bounded (a fixed set of kinds).
 */
final class ObjectLayerMetrics {
  private ObjectLayerMetrics() {}

  static void register(PrometheusRegistry registry, ObjectStats stats) {
    CounterWithCallback.builder()
        .name("icn_gateway_degraded_reads_total")
        .help("Stripes read back by decoding from parity (a data chunk was missing or corrupt)")
        .callback(cb -> cb.call(stats.degradedStripes()))
        .register(registry);
    CounterWithCallback.builder()
        .name("icn_gateway_shard_fanout_errors_total")
        .help(
            "Shard transfers that failed: write_dropped (a shard left out of a write),"
                + " read_unavailable (a chunk not fetched in time), read_corrupt (bad CRC32C)")
        .labelNames("kind")
        .callback(
            cb -> {
              cb.call(stats.droppedShards(), "write_dropped");
              cb.call(stats.unavailableChunks(), "read_unavailable");
              cb.call(stats.corruptChunks(), "read_corrupt");
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("icn_gateway_hedged_reads_total")
        .help("Reads that opened parity streams after the hedge delay")
        .callback(cb -> cb.call(stats.hedgedReads()))
        .register(registry);
    CounterWithCallback.builder()
        .name("icn_gateway_repairs_queued_total")
        .help("Missing or corrupt shards queued for repair")
        .callback(cb -> cb.call(stats.repairsQueued()))
        .register(registry);
    CounterWithCallback.builder()
        .name("icn_gateway_failed_writes_total")
        .help("Object and part writes that failed (quorum not met, aborted, bad input)")
        .callback(cb -> cb.call(stats.failedWrites()))
        .register(registry);
    CounterWithCallback.builder()
        .name("icn_gateway_suspect_nodes_avoided_total")
        .help("Shards placed on a replacement node because this gateway could not reach the first")
        .callback(cb -> cb.call(stats.suspectsAvoided()))
        .register(registry);
  }
}
