package network.icn.gateway.metadata;

/**
 * What references a shard: an object, or a part of an in-progress multipart upload. Kept in the
 * {@code shard_owners} reverse index, written in the same batch as the record that references the
 * shard, so that the GC sweep can tell a live shard from an orphan with one point lookup.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param uploadId the upload for a part's shard, {@code null} for an object's
 * @param partNumber the part number for a part's shard, 0 for an object's
 */
public record ShardOwner(String bucket, String key, String uploadId, int partNumber) {
  public ShardOwner {
    Check.bucketName(bucket);
    Check.objectKey(key);
    if (uploadId == null) {
      if (partNumber != 0) {
        throw Check.invalid("an object's shard has no part number");
      }
    } else {
      Check.keyPart(uploadId, "upload id");
      Check.partNumber(partNumber);
    }
  }

  public static ShardOwner object(String bucket, String key) {
    return new ShardOwner(bucket, key, null, 0);
  }

  public static ShardOwner part(String bucket, String key, String uploadId, int partNumber) {
    return new ShardOwner(bucket, key, uploadId, partNumber);
  }

  public boolean isPart() {
    return uploadId != null;
  }
}
