/**
 * The node registry: signed registration and heartbeats, liveness (ACTIVE → SUSPECT → DOWN on a
 * clock), operator states (drain, decommission), all written through to the store.
 */
package network.icn.placement.registry;
