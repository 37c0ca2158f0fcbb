/**
 * The placement policy: per-region snapshots of eligible nodes, systematic πps sampling over
 * failure-domain-grouped orders (exact inclusion in proportion to free capacity), and a
 * max-flow-backed constrained selector for topologies where sampling alone cannot meet the spread.
 */
package network.icn.placement.policy;
