/**
 * aws-sdk-java-v2 conformance suites, one class per operation family, each run through {@link
 * network.icn.conformance.S3Target#open} (in-process gateway, or an external one) with the sync and
 * async clients, both checksum settings and both addressing styles ({@link
 * network.icn.conformance.sdk.Mode}).
 */
package network.icn.conformance.sdk;
