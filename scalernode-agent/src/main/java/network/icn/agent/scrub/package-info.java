/** The background scrubber: re-reads every shard at a bounded rate and quarantines bad ones. */
package network.icn.agent.scrub;
