/**
 * The object layer: objects cut into segments, stripes and shards on the write path (with write
 * quorum and one atomic metadata commit), verified and degraded reads on the read path.
 */
package network.icn.gateway.object;
