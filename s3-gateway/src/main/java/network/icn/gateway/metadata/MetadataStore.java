package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's metadata. Every mutating call is atomic: it commits all its keys in one batch or
 * none. Implementations: {@link RocksMetadataStore} (embedded default) and {@link
 * InMemoryMetadataStore} (tests, same semantics); a distributed SQL store will follow for
 * multi-gateway deployments. All methods throw {@link MetadataException}.
 */
public interface MetadataStore extends AutoCloseable {

  // ---- buckets ----

  /**
   * Creates a bucket.
   *
   * @throws MetadataException {@link MetadataError#BUCKET_ALREADY_OWNED_BY_YOU} when the same
   *     tenant owns it already, {@link MetadataError#BUCKET_ALREADY_EXISTS} when another does
   */
  void createBucket(BucketRecord bucket);

  Optional<BucketRecord> getBucket(String name);

  /**
   * Deletes an empty bucket.
   *
   * @throws MetadataException {@link MetadataError#NO_SUCH_BUCKET}, or {@link
   *     MetadataError#BUCKET_NOT_EMPTY} while it holds objects or multipart uploads
   */
  void deleteBucket(String name);

  /** The buckets a tenant owns, by name. */
  List<BucketRecord> listBuckets(String ownerTenantId);

  // ---- objects ----

  Optional<ObjectRecord> getObject(String bucket, String key);

  /**
   * Commits an object atomically (see {@link ObjectCommit}).
   *
   * @return the record it replaced, if any (its shards are already queued for deletion)
   * @throws MetadataException {@link MetadataError#NO_SUCH_BUCKET}, {@link
   *     MetadataError#PRECONDITION_FAILED}, {@link MetadataError#NO_SUCH_UPLOAD} when completing an
   *     upload that does not exist (or is for another key), {@link MetadataError#INVALID_PART} when
   *     completing with a segment that is not in one of the upload's current parts (a part was
   *     replaced after the caller read it)
   */
  Optional<ObjectRecord> commitObject(ObjectCommit commit);

  /**
   * Deletes an object and queues its shards for deletion, atomically. Deleting a missing key
   * succeeds (S3 semantics) unless the precondition requires it to exist.
   *
   * @return the deleted record, if there was one
   */
  Optional<ObjectRecord> deleteObject(String bucket, String key, Precondition precondition);

  /** One page of a bucket's keys, without loading the bucket (see {@link ListObjectsQuery}). */
  ObjectListing listObjects(String bucket, ListObjectsQuery query);

  // ---- multipart uploads ----

  /** Records a new upload. @throws MetadataException NO_SUCH_BUCKET */
  void createMultipartUpload(MultipartUploadRecord upload);

  Optional<MultipartUploadRecord> getMultipartUpload(String bucket, String key, String uploadId);

  /**
   * Records a part, replacing (and queueing the shards of) an earlier part with the same number.
   *
   * @return the replaced part, if any
   * @throws MetadataException NO_SUCH_UPLOAD
   */
  Optional<PartRecord> putPart(String bucket, String key, PartRecord part);

  Optional<PartRecord> getPart(String uploadId, int partNumber);

  /** Parts after {@code partNumberMarker} (0 for the first page), at most {@code maxParts}. */
  PartListing listParts(String uploadId, int partNumberMarker, int maxParts);

  /**
   * Removes an upload and its parts and queues their shards for deletion, atomically.
   *
   * @throws MetadataException NO_SUCH_UPLOAD
   */
  void abortMultipartUpload(String bucket, String key, String uploadId);

  UploadListing listMultipartUploads(String bucket, ListUploadsQuery query);

  /**
   * Uploads of any bucket initiated before {@code cutoff}, at most {@code limit}, in store order
   * (for the expiry chore; it aborts what it gets, so the next call moves on). Scans the uploads
   * column family, which holds only in-progress uploads.
   */
  List<MultipartUploadRecord> multipartUploadsInitiatedBefore(Instant cutoff, int limit);

  // ---- shard reverse index ----

  /**
   * What references the shard {@code shardId} on node {@code nodeId}: an object or an upload's
   * part. Maintained in the same batch as every record that adds or drops a shard (commit, part,
   * delete, abort), so an absent owner means no metadata references the shard.
   */
  Optional<ShardOwner> shardOwner(String nodeId, String shardId);

  // ---- tenants and access keys ----

  /**
   * @throws MetadataException TENANT_ALREADY_EXISTS
   */
  void createTenant(TenantRecord tenant);

  /** Replaces a tenant's record (display name, status). @throws MetadataException NO_SUCH_TENANT */
  void updateTenant(TenantRecord tenant);

  Optional<TenantRecord> getTenant(String tenantId);

  List<TenantRecord> listTenants();

  /**
   * @throws MetadataException NO_SUCH_TENANT, ACCESS_KEY_ALREADY_EXISTS
   */
  void createAccessKey(AccessKeyRecord key);

  /**
   * @throws MetadataException NO_SUCH_ACCESS_KEY
   */
  void setAccessKeyStatus(String accessKeyId, AccessKeyStatus status);

  Optional<AccessKeyRecord> getAccessKey(String accessKeyId);

  List<AccessKeyRecord> listAccessKeys(String tenantId);

  // ---- repair queue ----

  void enqueueRepair(RepairTask task);

  /** The oldest {@code limit} repair tasks, oldest first; they stay queued until acked. */
  List<RepairTask> peekRepairs(int limit);

  /** Removes a task returned by {@link #peekRepairs}; acking a missing task does nothing. */
  void ackRepair(RepairTask task);

  // ---- shard-deletion queue ----

  /** Queues shard deletions directly (e.g. orphans found by the GC sweep). */
  void enqueueShardDeletions(List<ShardDeletion> deletions);

  /** Deletions due at {@code now}, earliest first, at most {@code limit}. */
  List<ShardDeletion> peekShardDeletions(Instant now, int limit);

  /** Removes a deletion that succeeded (or whose shard was already gone). */
  void ackShardDeletion(ShardDeletion deletion);

  /**
   * Replaces a deletion that failed with its retry (same node and shard, one more attempt, due at
   * {@code nextAttempt}), atomically.
   *
   * @return the queued retry
   */
  ShardDeletion retryShardDeletion(ShardDeletion deletion, Instant nextAttempt);

  @Override
  void close();
}
