/**
 * Moving shards between the gateway and agents: streaming shard uploads with per-shard Merkle
 * hashing on the sender thread, chunked shard fetches with back-pressure into pooled direct
 * buffers, node addresses, and the chore that deletes shards queued for deletion.
 */
package network.icn.gateway.shard;
