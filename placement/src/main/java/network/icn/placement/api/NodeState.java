package network.icn.placement.api;

/**
 * A node's state. {@code ACTIVE}, {@code SUSPECT} and {@code DOWN} follow heartbeats; {@code
 * DRAINING} and {@code DECOMMISSIONED} are set by an operator and stick until changed back. Only
 * {@code ACTIVE} nodes receive new shards.
 */
public enum NodeState {
  ACTIVE,
  SUSPECT,
  DOWN,
  DRAINING,
  DECOMMISSIONED
}
