/**
 * What the gateway shares with the agent: shard ids and specs, the canonical request-signing
 * format, signed receipts and challenge proofs, and the client interface. Netty-free; the Netty
 * client lives in {@code client.http}.
 */
package network.icn.agent.client;
