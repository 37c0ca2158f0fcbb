/** Crash-safety and memory acceptance tests that run the object layer in a child JVM. */
package network.icn.gateway.crash;
