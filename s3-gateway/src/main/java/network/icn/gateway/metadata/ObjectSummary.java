package network.icn.gateway.metadata;

import java.time.Instant;

/**
 * What ListObjects returns per key. Decoded from the head of the stored record only, so listing
 * does not decode layouts.
 */
public record ObjectSummary(
    String key,
    long size,
    String etag,
    Instant lastModified,
    String storageClass,
    Checksums checksums) {
  public ObjectSummary {
    Check.objectKey(key);
    Check.nonNegative(size, "object size");
    Check.text(etag, "etag");
    Check.present(lastModified, "last modified");
    Check.text(storageClass, "storage class");
    Check.present(checksums, "checksums");
  }
}
