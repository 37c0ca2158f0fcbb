/** JMH benchmarks of the erasure module; run through {@code exec:exec@jmh} (see the README). */
package network.icn.erasure.bench;
