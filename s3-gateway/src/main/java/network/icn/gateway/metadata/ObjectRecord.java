package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * An object as stored under {@code bucket \0 key}. The bucket and key are the record's address and
 * are not repeated in the stored bytes.
 *
 * @param bucket the bucket name
 * @param key the object key (1..1024 bytes of UTF-8, no NUL)
 * @param size bytes of the object
 * @param etag the ETag as S3 returns it (quoted)
 * @param lastModified when the write committed
 * @param storageClass e.g. {@code STANDARD}
 * @param checksums the additional checksums
 * @param headers the content headers
 * @param userMetadata {@code x-amz-meta-*} without the prefix, sorted by name
 * @param encryption the per-object encryption header, {@code null} while unencrypted
 * @param layout where the bytes are
 */
public record ObjectRecord(
    String bucket,
    String key,
    long size,
    String etag,
    Instant lastModified,
    String storageClass,
    Checksums checksums,
    ContentHeaders headers,
    Map<String, String> userMetadata,
    EncryptionHeader encryption,
    ObjectLayout layout) {
  public ObjectRecord {
    Check.bucketName(bucket);
    Check.objectKey(key);
    Check.nonNegative(size, "object size");
    Check.text(etag, "etag");
    Check.present(lastModified, "last modified");
    Check.text(storageClass, "storage class");
    Check.present(checksums, "checksums");
    Check.present(headers, "content headers");
    userMetadata = Check.sortedMap(userMetadata, "user metadata");
    Check.present(layout, "layout");
    if (layout.dataLength() != size) {
      throw Check.invalid(
          "object size " + size + " does not match the layout's " + layout.dataLength() + " bytes");
    }
  }

  /** The listing view of this record. */
  public ObjectSummary summary() {
    return new ObjectSummary(key, size, etag, lastModified, storageClass, checksums);
  }
}
