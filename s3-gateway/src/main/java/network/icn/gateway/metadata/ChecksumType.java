package network.icn.gateway.metadata;

/** How an S3 checksum covers the object: over all bytes, or as a checksum of part checksums. */
public enum ChecksumType {
  FULL_OBJECT,
  COMPOSITE
}
