package network.icn.placement.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.Supplier;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.PlacementError;

/**
 * Placement's metrics. Every label is bounded: results are {@code ok} or a {@link PlacementError}
 * name, operations and routes are fixed names, states are {@link NodeState} names, status is a
 * class like {@code 2xx}.
 */
public final class PlacementMetrics {
  private final PrometheusRegistry registry;
  private final Counter registrations;
  private final Counter heartbeats;
  private final Counter transitions;
  private final Counter requests;
  private final Counter constrained;
  private final Counter spreadNotMet;
  private final Counter http;

  public PlacementMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    registrations =
        Counter.builder()
            .name("icn_placement_registrations_total")
            .help("Node registrations by result (ok or error code)")
            .labelNames("result")
            .register(registry);
    heartbeats =
        Counter.builder()
            .name("icn_placement_heartbeats_total")
            .help("Node heartbeats by result (ok or error code)")
            .labelNames("result")
            .register(registry);
    transitions =
        Counter.builder()
            .name("icn_placement_node_transitions_total")
            .help("Node state transitions")
            .labelNames("from", "to")
            .register(registry);
    requests =
        Counter.builder()
            .name("icn_placement_requests_total")
            .help("Placement, replacement and booking requests by result (ok or error code)")
            .labelNames("operation", "result")
            .register(registry);
    constrained =
        Counter.builder()
            .name("icn_placement_constrained_selections_total")
            .help("Placements the constrained (max-flow) selector made instead of sampling")
            .labelNames("operation")
            .register(registry);
    spreadNotMet =
        Counter.builder()
            .name("icn_placement_spread_not_met_total")
            .help("Placements where the topology did not allow at most m shards per HP and site")
            .labelNames("operation")
            .register(registry);
    http =
        Counter.builder()
            .name("icn_placement_http_requests_total")
            .help("HTTP requests by route and status class")
            .labelNames("route", "status")
            .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Registers the node-count gauge, read from {@code counts} at scrape time. */
  public void nodesByState(Supplier<Map<NodeState, Long>> counts) {
    GaugeWithCallback.builder()
        .name("icn_placement_nodes")
        .help("Registered nodes by state")
        .labelNames("state")
        .callback(
            callback -> {
              Map<NodeState, Long> now = counts.get();
              for (NodeState state : NodeState.values()) {
                callback.call(now.getOrDefault(state, 0L), state.name());
              }
            })
        .register(registry);
  }

  public void registration(PlacementError error) {
    registrations.labelValues(result(error)).inc();
  }

  public void heartbeat(PlacementError error) {
    heartbeats.labelValues(result(error)).inc();
  }

  public void transition(NodeState from, NodeState to) {
    transitions.labelValues(from.name(), to.name()).inc();
  }

  /**
   * @param operation {@code place}, {@code replacement} or {@code book}
   */
  public void request(String operation, PlacementError error) {
    requests.labelValues(operation, result(error)).inc();
  }

  public void constrainedSelection(String operation) {
    constrained.labelValues(operation).inc();
  }

  public void spreadNotMet(String operation) {
    spreadNotMet.labelValues(operation).inc();
  }

  public void http(String route, int status) {
    http.labelValues(route, (status / 100) + "xx").inc();
  }

  /** The current value of a transition counter (for tests). */
  public double transitions(NodeState from, NodeState to) {
    return transitions.labelValues(from.name(), to.name()).get();
  }

  private static String result(PlacementError error) {
    return error == null ? "ok" : error.name();
  }
}
