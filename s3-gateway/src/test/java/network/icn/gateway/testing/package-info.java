/** Test fixtures shared with conformance-tests through the test-jar: {@code LocalCluster}. */
package network.icn.gateway.testing;
