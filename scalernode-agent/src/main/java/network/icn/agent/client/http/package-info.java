/** The Netty implementation of the agent client: pooled keep-alive connections per node. */
package network.icn.agent.client.http;
