package network.icn.agent.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import network.icn.agent.store.StoreUsage;

/**
 * Every metric the agent exports. Labels are bounded: {@code operation} is one of the shard API's
 * operation names and {@code status} a status class ({@code 2xx}, {@code 4xx}, {@code 5xx}).
 */
public final class AgentMetrics {
  private final Counter requests;
  private final Histogram latency;
  private final Counter bytesReceived;
  private final Counter bytesSent;
  private final Counter corruptShards;
  private final Counter scrubbedBytes;
  private final Counter diskErrors;

  public AgentMetrics(PrometheusRegistry registry, Supplier<StoreUsage> usage) {
    requests =
        Counter.builder()
            .name("icn_agent_requests_total")
            .help("Shard API requests by operation and status class")
            .labelNames("operation", "status")
            .register(registry);
    latency =
        Histogram.builder()
            .name("icn_agent_request_duration_seconds")
            .help("Shard API request duration by operation")
            .labelNames("operation")
            .classicExponentialUpperBounds(0.001, 2, 16)
            .register(registry);
    bytesReceived =
        Counter.builder()
            .name("icn_agent_received_bytes_total")
            .help("Shard bytes received by puts")
            .register(registry);
    bytesSent =
        Counter.builder()
            .name("icn_agent_sent_bytes_total")
            .help("Shard bytes sent by gets")
            .register(registry);
    corruptShards =
        Counter.builder()
            .name("icn_agent_corrupt_shards_total")
            .help("Shards found corrupt (by reads, challenges or the scrubber) and quarantined")
            .register(registry);
    scrubbedBytes =
        Counter.builder()
            .name("icn_agent_scrubbed_bytes_total")
            .help("Bytes re-read and verified by the scrubber")
            .register(registry);
    diskErrors =
        Counter.builder()
            .name("icn_agent_disk_errors_total")
            .help("Unexpected local I/O errors")
            .register(registry);
    GaugeWithCallback.builder()
        .name("icn_agent_capacity_bytes")
        .help("Capacity offered to the network")
        .callback(cb -> cb.call(usage.get().capacityBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("icn_agent_used_bytes")
        .help("Bytes used by stored shards")
        .callback(cb -> cb.call(usage.get().usedBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("icn_agent_shards")
        .help("Number of stored shards")
        .callback(cb -> cb.call(usage.get().shardCount()))
        .register(registry);
  }

  public void request(String operation, int status, long nanos) {
    requests.labelValues(operation, (status / 100) + "xx").inc();
    latency.labelValues(operation).observe(nanos / 1e9);
  }

  public void received(long bytes) {
    bytesReceived.inc(bytes);
  }

  public void sent(long bytes) {
    bytesSent.inc(bytes);
  }

  public void corruptShard() {
    corruptShards.inc();
  }

  public long corruptShardCount() {
    return (long) corruptShards.get();
  }

  public void scrubbed(long bytes) {
    scrubbedBytes.inc(bytes);
  }

  public void diskError() {
    diskErrors.inc();
  }

  public long diskErrorCount() {
    return (long) diskErrors.get();
  }
}
