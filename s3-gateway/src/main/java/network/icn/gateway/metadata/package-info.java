/**
 * Gateway metadata: buckets, objects and their erasure layout, multipart uploads and parts, tenants
 * and access keys, and the repair and shard-deletion queues, behind {@link
 * network.icn.gateway.metadata.MetadataStore} with a RocksDB and an in-memory implementation.
 */
package network.icn.gateway.metadata;
