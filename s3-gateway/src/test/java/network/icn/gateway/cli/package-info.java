/** Acceptance tests that drive the gateway with real external clients (the aws cli, curl). */
package network.icn.gateway.cli;
