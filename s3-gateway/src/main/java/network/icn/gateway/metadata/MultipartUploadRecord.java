package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.Map;
import network.icn.erasure.ErasureScheme;

/**
 * An in-progress multipart upload: what CreateMultipartUpload fixed for the final object.
 *
 * @param uploadId unique, opaque; the object layer makes it time-sortable so uploads of one key
 *     list in initiation order
 * @param bucket the bucket
 * @param key the object key
 * @param initiated when CreateMultipartUpload ran
 * @param ownerTenantId the initiating tenant
 * @param storageClass the final object's storage class
 * @param headers the final object's content headers
 * @param userMetadata the final object's user metadata
 * @param checksumAlgorithm the requested checksum algorithm, or {@code null}
 * @param checksumType the requested checksum type
 * @param scheme the erasure scheme every part is written with
 * @param encryption reserved like {@link ObjectRecord#encryption()}, {@code null} for now
 */
public record MultipartUploadRecord(
    String uploadId,
    String bucket,
    String key,
    Instant initiated,
    String ownerTenantId,
    String storageClass,
    ContentHeaders headers,
    Map<String, String> userMetadata,
    String checksumAlgorithm,
    ChecksumType checksumType,
    ErasureScheme scheme,
    EncryptionHeader encryption) {
  public MultipartUploadRecord {
    Check.keyPart(uploadId, "upload id");
    Check.bucketName(bucket);
    Check.objectKey(key);
    Check.present(initiated, "initiated");
    Check.keyPart(ownerTenantId, "owner tenant id");
    Check.text(storageClass, "storage class");
    Check.present(headers, "content headers");
    userMetadata = Check.sortedMap(userMetadata, "user metadata");
    if (checksumAlgorithm != null) {
      Check.text(checksumAlgorithm, "checksum algorithm");
    }
    Check.present(checksumType, "checksum type");
    Check.present(scheme, "scheme");
  }
}
