package network.icn.placement.api;

/**
 * One node's capacity as last reported, plus what placement sent it since this process started.
 *
 * @param placedShards shards placed on the node by this placement process since it started
 * @param placedBytes bytes of those shards
 */
public record NodeUtilisation(
    String nodeId,
    String hpId,
    String site,
    NodeState state,
    long capacityBytes,
    long usedBytes,
    long freeBytes,
    long placedShards,
    long placedBytes) {}
