/**
 * JMH benchmarks of the erasure module (codec, hashing). Run them with {@code ./mvnw -pl erasure
 * test-compile exec:exec@jmh -Djmh.args="<regex> ..."}; figures are recorded in erasure/README.md.
 */
package network.icn.erasure.bench;
