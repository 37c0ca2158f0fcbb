/** The agent's Prometheus metrics, registered in an injected registry with bounded labels. */
package network.icn.agent.metrics;
