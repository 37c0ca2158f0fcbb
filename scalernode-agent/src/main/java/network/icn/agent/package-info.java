/**
 * The ScalerNode agent: the process a hardware provider runs. Holds its configuration, error codes
 * and the one place everything is wired ({@link network.icn.agent.AgentMain}).
 */
package network.icn.agent;
