package network.icn.placement.registry;

import network.icn.placement.api.NodeState;

/** A node changed state, and why ({@code heartbeat}, {@code liveness}, {@code operator}, ...). */
public record Transition(String nodeId, NodeState from, NodeState to, String reason) {}
