/**
 * The background scrubber (re-reads every shard at a bounded rate) and {@link
 * network.icn.agent.scrub.Quarantine}, which takes bad shards out of service whoever finds them.
 */
package network.icn.agent.scrub;
