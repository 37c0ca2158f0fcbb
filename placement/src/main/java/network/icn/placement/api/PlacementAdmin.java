package network.icn.placement.api;

import java.util.List;

/**
 * Operator actions, kept apart from {@link PlacementService} so that fakes of the service stay
 * small. Implemented by the in-process service and the HTTP client.
 */
public interface PlacementAdmin {

  /**
   * Sets a node's operator state: {@link NodeState#DRAINING} (no new shards), {@link
   * NodeState#DECOMMISSIONED} (gone for good), or {@link NodeState#ACTIVE} (undrain; the node then
   * follows heartbeats again).
   */
  NodeView changeState(String nodeId, NodeState state);

  /** Nodes in the given state, e.g. the draining or down ones repair must move shards off. */
  List<NodeView> nodesInState(NodeState state);
}
