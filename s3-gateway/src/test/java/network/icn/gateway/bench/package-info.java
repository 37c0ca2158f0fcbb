/** Benchmarks run as plain main classes from the test classpath. */
package network.icn.gateway.bench;
