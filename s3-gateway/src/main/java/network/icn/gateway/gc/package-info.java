/**
 * Garbage collection: the orphan sweep (agents' shard listings against the metadata's shard reverse
 * index), the expiry of abandoned multipart uploads, and the chore runner that schedules them with
 * the shard deleter.
 */
package network.icn.gateway.gc;
