/**
 * Fault scenarios end to end through S3: agents stopped, shards rotted on disk, the gateway killed
 * mid-upload. In-process on an 8-agent 4+2 cluster (its fault hooks), plus the gateway as a child
 * JVM for kill -9.
 */
package network.icn.conformance.faults;
