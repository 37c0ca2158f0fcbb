/**
 * Request authentication for the shard API: signature recovery, the gateway allow-list, clock-skew
 * and replay checks. Netty-free, so it is tested without a server.
 */
package network.icn.agent.auth;
