/** The node's secp256k1 identity: its key file and address (the node id). */
package network.icn.agent.identity;
