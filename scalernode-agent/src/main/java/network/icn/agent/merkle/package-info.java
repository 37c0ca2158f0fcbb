/**
 * The agent's seam onto the erasure module's per-shard Merkle tree: root recomputation on put,
 * proofs for challenges.
 */
package network.icn.agent.merkle;
