package network.icn.placement.api;

import java.time.Instant;

/**
 * Everything the registry knows about a node.
 *
 * @param lastHeartbeat when placement last heard from the node (server clock; registration counts)
 * @param registeredAt when the node first registered (server clock)
 */
public record NodeView(
    String nodeId,
    String hpId,
    String region,
    String site,
    String hardwareClass,
    String endpoint,
    long capacityBytes,
    long usedBytes,
    long freeBytes,
    NodeState state,
    Instant lastHeartbeat,
    String softwareVersion,
    long shardCount,
    long diskErrors,
    long corruptShards,
    long uptimeSeconds,
    Instant registeredAt) {

  public NodeView {
    Validation.address("nodeId", nodeId);
    Validation.address("hpId", hpId);
    Validation.present("state", state);
    Validation.present("lastHeartbeat", lastHeartbeat);
    Validation.present("registeredAt", registeredAt);
  }
}
