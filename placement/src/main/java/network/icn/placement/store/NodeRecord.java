package network.icn.placement.store;

import java.time.Instant;
import java.util.Objects;
import network.icn.placement.api.NodeState;
import network.icn.placement.api.NodeView;

/**
 * A node as stored: the {@link NodeView} fields plus the node-clock timestamps of the last accepted
 * registration and heartbeat, kept to reject replays.
 */
public record NodeRecord(
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
    Instant registeredAt,
    long lastRegistrationMillis,
    long lastHeartbeatMillis) {

  public NodeRecord {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(hpId, "hpId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(hardwareClass, "hardwareClass");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  public NodeView toView() {
    return new NodeView(
        nodeId,
        hpId,
        region,
        site,
        hardwareClass,
        endpoint,
        capacityBytes,
        usedBytes,
        freeBytes,
        state,
        lastHeartbeat,
        softwareVersion,
        shardCount,
        diskErrors,
        corruptShards,
        uptimeSeconds,
        registeredAt);
  }

  public NodeRecord withState(NodeState newState) {
    return new NodeRecord(
        nodeId,
        hpId,
        region,
        site,
        hardwareClass,
        endpoint,
        capacityBytes,
        usedBytes,
        freeBytes,
        newState,
        lastHeartbeat,
        softwareVersion,
        shardCount,
        diskErrors,
        corruptShards,
        uptimeSeconds,
        registeredAt,
        lastRegistrationMillis,
        lastHeartbeatMillis);
  }
}
