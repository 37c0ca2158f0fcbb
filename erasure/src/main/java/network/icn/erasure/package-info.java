/**
 * Erasure coding for ICN: a systematic GF(2^8) Reed-Solomon codec, the erasure scheme value, the
 * streaming stripe encoder/decoder with per-chunk CRC32C, and per-shard SHA-256 Merkle trees. Pure:
 * no I/O and no threads.
 */
package network.icn.erasure;
