/**
 * The load benchmark against S3Proxy ({@link network.icn.conformance.bench.LoadBenchmark}): not a
 * test, run through the Maven profile {@code bench} (see conformance-tests/README.md).
 */
package network.icn.conformance.bench;
