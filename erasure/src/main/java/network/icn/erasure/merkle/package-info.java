/**
 * Per-shard binary SHA-256 Merkle trees over 4 KiB leaves: a streaming root builder, streaming and
 * in-memory proof generation for one leaf, and proof verification. The construction is specified in
 * {@code erasure/README.md} ("Merkle trees") so other implementations can reproduce it.
 */
package network.icn.erasure.merkle;
