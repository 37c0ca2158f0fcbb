package network.icn.gateway.metadata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The metadata logic over an ordered key-value engine; the two stores differ only in the engine, so
 * they cannot drift apart. Read-check-write sequences (bucket create/delete, preconditions, part
 * replacement, completion) run under striped in-process locks, which makes them atomic for one
 * gateway process; each mutation then commits as one atomic batch.
 */
public abstract sealed class KvMetadataStore implements MetadataStore
    permits RocksMetadataStore, InMemoryMetadataStore {
  private final KvEngine engine;
  private final Clock clock;
  private final LockStripes locks = new LockStripes(64, 1024);

  KvMetadataStore(KvEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  /** Cursor seeks and steps so far (for tests and diagnostics). */
  public CursorSteps cursorSteps() {
    return engine.steps();
  }

  // ---- buckets ----

  @Override
  public void createBucket(BucketRecord bucket) {
    Lock lock = locks.bucket(bucket.name()).writeLock();
    lock.lock();
    try {
      Optional<BucketRecord> existing = getBucket(bucket.name());
      if (existing.isPresent()) {
        boolean mine = existing.get().ownerTenantId().equals(bucket.ownerTenantId());
        throw new MetadataException(
            mine ? MetadataError.BUCKET_ALREADY_OWNED_BY_YOU : MetadataError.BUCKET_ALREADY_EXISTS,
            "bucket " + bucket.name() + " already exists" + (mine ? " and is yours" : ""));
      }
      engine.write(
          new KvBatch()
              .put(KvColumn.BUCKETS, Keys.utf8(bucket.name()), RecordCodec.encodeBucket(bucket)));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<BucketRecord> getBucket(String name) {
    byte[] value = engine.get(KvColumn.BUCKETS, Keys.utf8(name));
    return Optional.ofNullable(value).map(RecordCodec::decodeBucket);
  }

  private BucketRecord requireBucket(String name) {
    return getBucket(name)
        .orElseThrow(
            () -> new MetadataException(MetadataError.NO_SUCH_BUCKET, "no bucket " + name));
  }

  @Override
  public void deleteBucket(String name) {
    Lock lock = locks.bucket(name).writeLock();
    lock.lock();
    try {
      requireBucket(name);
      if (hasKeyWithPrefix(KvColumn.OBJECTS, Keys.bucketRange(name))
          || hasKeyWithPrefix(KvColumn.UPLOADS, Keys.bucketRange(name))) {
        throw new MetadataException(
            MetadataError.BUCKET_NOT_EMPTY,
            "bucket " + name + " still holds objects or multipart uploads");
      }
      engine.write(new KvBatch().delete(KvColumn.BUCKETS, Keys.utf8(name)));
    } finally {
      lock.unlock();
    }
  }

  /** One seek: is there any key in the range? */
  private boolean hasKeyWithPrefix(KvColumn column, byte[] prefix) {
    try (KvCursor cursor = engine.cursor(column)) {
      cursor.seek(prefix);
      return cursor.valid() && Keys.startsWith(cursor.key(), prefix);
    }
  }

  @Override
  public List<BucketRecord> listBuckets(String ownerTenantId) {
    List<BucketRecord> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.BUCKETS)) {
      for (cursor.seek(new byte[0]); cursor.valid(); cursor.next()) {
        BucketRecord bucket = RecordCodec.decodeBucket(cursor.value());
        if (bucket.ownerTenantId().equals(ownerTenantId)) {
          out.add(bucket);
        }
      }
    }
    return List.copyOf(out);
  }

  // ---- objects ----

  @Override
  public Optional<ObjectRecord> getObject(String bucket, String key) {
    byte[] value = engine.get(KvColumn.OBJECTS, Keys.object(bucket, key));
    return Optional.ofNullable(value).map(v -> RecordCodec.decodeObject(bucket, key, v));
  }

  @Override
  public Optional<ObjectRecord> commitObject(ObjectCommit commit) {
    ObjectRecord object = commit.object();
    Lock bucketLock = locks.bucket(object.bucket()).readLock();
    bucketLock.lock();
    try {
      requireBucket(object.bucket());
      Lock keyLock = locks.key(object.bucket(), object.key());
      keyLock.lock();
      try {
        ObjectRecord current = getObject(object.bucket(), object.key()).orElse(null);
        checkPrecondition(commit.precondition(), current, object.bucket(), object.key());
        Instant now = clock.instant();
        Set<ShardKey> kept = shardsOf(object.layout().segments());
        KvBatch batch = new KvBatch();
        batch.put(
            KvColumn.OBJECTS,
            Keys.object(object.bucket(), object.key()),
            RecordCodec.encodeObject(object));
        if (current != null) {
          enqueueUnreferenced(batch, current.layout().segments(), kept, now);
        }
        putOwners(
            batch, object.layout().segments(), ShardOwner.object(object.bucket(), object.key()));
        for (RepairTask repair : commit.repairs()) {
          batch.put(KvColumn.REPAIR_QUEUE, Keys.repair(repair), RecordCodec.encodeRepair(repair));
        }
        if (commit.completedUploadId() == null) {
          engine.write(batch);
        } else {
          completeUpload(batch, object, commit.completedUploadId(), kept, now);
        }
        return Optional.ofNullable(current);
      } finally {
        keyLock.unlock();
      }
    } finally {
      bucketLock.unlock();
    }
  }

  /** Adds the removal of the upload and its parts to the batch, then writes it. */
  private void completeUpload(
      KvBatch batch, ObjectRecord object, String uploadId, Set<ShardKey> kept, Instant now) {
    Lock uploadLock = locks.upload(uploadId);
    uploadLock.lock();
    try {
      byte[] uploadKey = Keys.upload(object.bucket(), object.key(), uploadId);
      if (engine.get(KvColumn.UPLOADS, uploadKey) == null) {
        throw noSuchUpload(object.bucket(), object.key(), uploadId);
      }
      Set<ShardKey> current = partShards(uploadId);
      for (ShardKey shard : kept) {
        if (!current.contains(shard)) {
          throw new MetadataException(
              MetadataError.INVALID_PART,
              "shard "
                  + shard.shardId()
                  + " is not in a current part of upload "
                  + uploadId
                  + " (was a part replaced?)");
        }
      }
      batch.delete(KvColumn.UPLOADS, uploadKey);
      removeParts(batch, uploadId, kept, now);
      engine.write(batch);
    } finally {
      uploadLock.unlock();
    }
  }

  private Set<ShardKey> partShards(String uploadId) {
    Set<ShardKey> out = new HashSet<>();
    byte[] range = Keys.partRange(uploadId);
    try (KvCursor cursor = engine.cursor(KvColumn.PARTS)) {
      for (cursor.seek(range);
          cursor.valid() && Keys.startsWith(cursor.key(), range);
          cursor.next()) {
        out.addAll(shardsOf(RecordCodec.decodePart(cursor.value()).segments()));
      }
    }
    return out;
  }

  private void removeParts(KvBatch batch, String uploadId, Set<ShardKey> kept, Instant now) {
    byte[] range = Keys.partRange(uploadId);
    try (KvCursor cursor = engine.cursor(KvColumn.PARTS)) {
      for (cursor.seek(range); cursor.valid(); cursor.next()) {
        byte[] key = cursor.key();
        if (!Keys.startsWith(key, range)) {
          break;
        }
        batch.delete(KvColumn.PARTS, key);
        enqueueUnreferenced(batch, RecordCodec.decodePart(cursor.value()).segments(), kept, now);
      }
    }
  }

  private static void checkPrecondition(
      Precondition precondition, ObjectRecord current, String bucket, String key) {
    if (!precondition.holds(current)) {
      throw new MetadataException(
          MetadataError.PRECONDITION_FAILED,
          "precondition " + precondition + " does not hold for " + bucket + "/" + key);
    }
  }

  @Override
  public Optional<ObjectRecord> deleteObject(String bucket, String key, Precondition precondition) {
    Lock bucketLock = locks.bucket(bucket).readLock();
    bucketLock.lock();
    try {
      requireBucket(bucket);
      Lock keyLock = locks.key(bucket, key);
      keyLock.lock();
      try {
        ObjectRecord current = getObject(bucket, key).orElse(null);
        checkPrecondition(precondition, current, bucket, key);
        if (current == null) {
          return Optional.empty();
        }
        KvBatch batch = new KvBatch().delete(KvColumn.OBJECTS, Keys.object(bucket, key));
        enqueueUnreferenced(batch, current.layout().segments(), Set.of(), clock.instant());
        engine.write(batch);
        return Optional.of(current);
      } finally {
        keyLock.unlock();
      }
    } finally {
      bucketLock.unlock();
    }
  }

  @Override
  public ObjectListing listObjects(String bucket, ListObjectsQuery query) {
    requireBucket(bucket);
    byte[] range = Keys.bucketRange(bucket);
    byte[] seekFrom =
        query.marker().isEmpty() ? null : Keys.successor(Keys.object(bucket, query.marker()));
    List<ObjectSummary> objects = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    PrefixWalker.Outcome outcome;
    try (KvCursor cursor = engine.cursor(KvColumn.OBJECTS)) {
      outcome =
          PrefixWalker.walk(
              cursor,
              range,
              query.prefix(),
              query.delimiter(),
              query.marker(),
              seekFrom,
              query.maxKeys(),
              false,
              new PrefixWalker.Sink() {
                @Override
                public void entry(String key, byte[] rawKey, byte[] value) {
                  objects.add(RecordCodec.decodeSummary(key, value));
                }

                @Override
                public void commonPrefix(String prefix) {
                  prefixes.add(prefix);
                }
              });
    }
    return new ObjectListing(
        objects,
        prefixes,
        outcome.truncated(),
        outcome.truncated() ? nextMarker(outcome, query.marker()) : null);
  }

  /** With max 0 nothing was emitted; the page then resumes where it started. */
  private static String nextMarker(PrefixWalker.Outcome outcome, String marker) {
    return outcome.lastEntry() != null ? outcome.lastEntry() : marker;
  }

  // ---- multipart uploads ----

  @Override
  public void createMultipartUpload(MultipartUploadRecord upload) {
    Lock bucketLock = locks.bucket(upload.bucket()).readLock();
    bucketLock.lock();
    try {
      requireBucket(upload.bucket());
      engine.write(
          new KvBatch()
              .put(
                  KvColumn.UPLOADS,
                  Keys.upload(upload.bucket(), upload.key(), upload.uploadId()),
                  RecordCodec.encodeUpload(upload)));
    } finally {
      bucketLock.unlock();
    }
  }

  @Override
  public Optional<MultipartUploadRecord> getMultipartUpload(
      String bucket, String key, String uploadId) {
    byte[] value = engine.get(KvColumn.UPLOADS, Keys.upload(bucket, key, uploadId));
    return Optional.ofNullable(value).map(RecordCodec::decodeUpload);
  }

  private static MetadataException noSuchUpload(String bucket, String key, String uploadId) {
    return new MetadataException(
        MetadataError.NO_SUCH_UPLOAD, "no upload " + uploadId + " for " + bucket + "/" + key);
  }

  @Override
  public Optional<PartRecord> putPart(String bucket, String key, PartRecord part) {
    Lock uploadLock = locks.upload(part.uploadId());
    uploadLock.lock();
    try {
      if (engine.get(KvColumn.UPLOADS, Keys.upload(bucket, key, part.uploadId())) == null) {
        throw noSuchUpload(bucket, key, part.uploadId());
      }
      Optional<PartRecord> previous = getPart(part.uploadId(), part.partNumber());
      KvBatch batch =
          new KvBatch()
              .put(
                  KvColumn.PARTS,
                  Keys.part(part.uploadId(), part.partNumber()),
                  RecordCodec.encodePart(part));
      previous.ifPresent(
          old ->
              enqueueUnreferenced(
                  batch, old.segments(), shardsOf(part.segments()), clock.instant()));
      putOwners(
          batch, part.segments(), ShardOwner.part(bucket, key, part.uploadId(), part.partNumber()));
      engine.write(batch);
      return previous;
    } finally {
      uploadLock.unlock();
    }
  }

  @Override
  public Optional<PartRecord> getPart(String uploadId, int partNumber) {
    byte[] value = engine.get(KvColumn.PARTS, Keys.part(uploadId, partNumber));
    return Optional.ofNullable(value).map(RecordCodec::decodePart);
  }

  @Override
  public PartListing listParts(String uploadId, int partNumberMarker, int maxParts) {
    if (partNumberMarker < 0 || maxParts < 0) {
      throw Check.invalid("part number marker and max parts must be >= 0");
    }
    List<PartRecord> parts = new ArrayList<>();
    if (partNumberMarker >= 10_000) {
      return new PartListing(parts, false, 0);
    }
    byte[] range = Keys.partRange(uploadId);
    try (KvCursor cursor = engine.cursor(KvColumn.PARTS)) {
      for (cursor.seek(Keys.part(uploadId, partNumberMarker + 1));
          cursor.valid() && Keys.startsWith(cursor.key(), range);
          cursor.next()) {
        if (parts.size() == maxParts) {
          int last = parts.isEmpty() ? partNumberMarker : parts.getLast().partNumber();
          return new PartListing(parts, true, last);
        }
        parts.add(RecordCodec.decodePart(cursor.value()));
      }
    }
    return new PartListing(parts, false, 0);
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) {
    Lock uploadLock = locks.upload(uploadId);
    uploadLock.lock();
    try {
      byte[] uploadKey = Keys.upload(bucket, key, uploadId);
      if (engine.get(KvColumn.UPLOADS, uploadKey) == null) {
        throw noSuchUpload(bucket, key, uploadId);
      }
      KvBatch batch = new KvBatch().delete(KvColumn.UPLOADS, uploadKey);
      removeParts(batch, uploadId, Set.of(), clock.instant());
      engine.write(batch);
    } finally {
      uploadLock.unlock();
    }
  }

  @Override
  public UploadListing listMultipartUploads(String bucket, ListUploadsQuery query) {
    requireBucket(bucket);
    byte[] range = Keys.bucketRange(bucket);
    byte[] seekFrom = null;
    if (!query.keyMarker().isEmpty()) {
      seekFrom =
          query.uploadIdMarker().isEmpty()
              // past every upload of the marker key: bucket \0 key \1
              ? Keys.prefixSuccessor(
                  Keys.concat(Keys.object(bucket, query.keyMarker()), new byte[] {0}))
              : Keys.successor(Keys.upload(bucket, query.keyMarker(), query.uploadIdMarker()));
    }
    List<MultipartUploadRecord> uploads = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    PrefixWalker.Outcome outcome;
    try (KvCursor cursor = engine.cursor(KvColumn.UPLOADS)) {
      outcome =
          PrefixWalker.walk(
              cursor,
              range,
              query.prefix(),
              query.delimiter(),
              query.keyMarker(),
              seekFrom,
              query.maxUploads(),
              true,
              new PrefixWalker.Sink() {
                @Override
                public void entry(String key, byte[] rawKey, byte[] value) {
                  uploads.add(RecordCodec.decodeUpload(value));
                }

                @Override
                public void commonPrefix(String prefix) {
                  prefixes.add(prefix);
                }
              });
    }
    if (!outcome.truncated()) {
      return new UploadListing(uploads, prefixes, false, null, null);
    }
    if (outcome.lastEntry() == null) {
      return new UploadListing(
          uploads,
          prefixes,
          true,
          query.keyMarker(),
          query.uploadIdMarker().isEmpty() ? null : query.uploadIdMarker());
    }
    boolean lastIsUpload =
        !uploads.isEmpty() && uploads.getLast().key().equals(outcome.lastEntry());
    return new UploadListing(
        uploads,
        prefixes,
        true,
        outcome.lastEntry(),
        lastIsUpload ? uploads.getLast().uploadId() : null);
  }

  @Override
  public List<MultipartUploadRecord> multipartUploadsInitiatedBefore(Instant cutoff, int limit) {
    List<MultipartUploadRecord> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.UPLOADS)) {
      for (cursor.seek(new byte[0]); cursor.valid() && out.size() < limit; cursor.next()) {
        MultipartUploadRecord upload = RecordCodec.decodeUpload(cursor.value());
        if (upload.initiated().isBefore(cutoff)) {
          out.add(upload);
        }
      }
    }
    return List.copyOf(out);
  }

  // ---- tenants and access keys ----

  @Override
  public void createTenant(TenantRecord tenant) {
    adminWrite(
        () -> {
          if (getTenant(tenant.tenantId()).isPresent()) {
            throw new MetadataException(
                MetadataError.TENANT_ALREADY_EXISTS, "tenant " + tenant.tenantId() + " exists");
          }
          putTenant(tenant);
        });
  }

  @Override
  public void updateTenant(TenantRecord tenant) {
    adminWrite(
        () -> {
          requireTenant(tenant.tenantId());
          putTenant(tenant);
        });
  }

  private void putTenant(TenantRecord tenant) {
    engine.write(
        new KvBatch()
            .put(KvColumn.TENANTS, Keys.utf8(tenant.tenantId()), RecordCodec.encodeTenant(tenant)));
  }

  private void requireTenant(String tenantId) {
    if (getTenant(tenantId).isEmpty()) {
      throw new MetadataException(MetadataError.NO_SUCH_TENANT, "no tenant " + tenantId);
    }
  }

  @Override
  public Optional<TenantRecord> getTenant(String tenantId) {
    return Optional.ofNullable(engine.get(KvColumn.TENANTS, Keys.utf8(tenantId)))
        .map(RecordCodec::decodeTenant);
  }

  @Override
  public List<TenantRecord> listTenants() {
    List<TenantRecord> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.TENANTS)) {
      for (cursor.seek(new byte[0]); cursor.valid(); cursor.next()) {
        out.add(RecordCodec.decodeTenant(cursor.value()));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void createAccessKey(AccessKeyRecord key) {
    adminWrite(
        () -> {
          requireTenant(key.tenantId());
          if (getAccessKey(key.accessKeyId()).isPresent()) {
            throw new MetadataException(
                MetadataError.ACCESS_KEY_ALREADY_EXISTS,
                "access key " + key.accessKeyId() + " exists");
          }
          putAccessKey(key);
        });
  }

  @Override
  public void setAccessKeyStatus(String accessKeyId, AccessKeyStatus status) {
    adminWrite(
        () -> {
          AccessKeyRecord key =
              getAccessKey(accessKeyId)
                  .orElseThrow(
                      () ->
                          new MetadataException(
                              MetadataError.NO_SUCH_ACCESS_KEY, "no access key " + accessKeyId));
          putAccessKey(key.withStatus(status));
        });
  }

  private void putAccessKey(AccessKeyRecord key) {
    engine.write(
        new KvBatch()
            .put(
                KvColumn.ACCESS_KEYS,
                Keys.utf8(key.accessKeyId()),
                RecordCodec.encodeAccessKey(key)));
  }

  @Override
  public Optional<AccessKeyRecord> getAccessKey(String accessKeyId) {
    return Optional.ofNullable(engine.get(KvColumn.ACCESS_KEYS, Keys.utf8(accessKeyId)))
        .map(RecordCodec::decodeAccessKey);
  }

  @Override
  public List<AccessKeyRecord> listAccessKeys(String tenantId) {
    List<AccessKeyRecord> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.ACCESS_KEYS)) {
      for (cursor.seek(new byte[0]); cursor.valid(); cursor.next()) {
        AccessKeyRecord key = RecordCodec.decodeAccessKey(cursor.value());
        if (key.tenantId().equals(tenantId)) {
          out.add(key);
        }
      }
    }
    return List.copyOf(out);
  }

  private void adminWrite(Runnable action) {
    Lock lock = locks.admin();
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  // ---- repair queue ----

  @Override
  public void enqueueRepair(RepairTask task) {
    engine.write(
        new KvBatch()
            .put(KvColumn.REPAIR_QUEUE, Keys.repair(task), RecordCodec.encodeRepair(task)));
  }

  @Override
  public List<RepairTask> peekRepairs(int limit) {
    List<RepairTask> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.REPAIR_QUEUE)) {
      for (cursor.seek(new byte[0]); cursor.valid() && out.size() < limit; cursor.next()) {
        out.add(RecordCodec.decodeRepair(cursor.value()));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void ackRepair(RepairTask task) {
    engine.write(new KvBatch().delete(KvColumn.REPAIR_QUEUE, Keys.repair(task)));
  }

  // ---- shard-deletion queue ----

  @Override
  public void enqueueShardDeletions(List<ShardDeletion> deletions) {
    KvBatch batch = new KvBatch();
    for (ShardDeletion deletion : deletions) {
      batch.put(
          KvColumn.SHARD_DELETIONS,
          Keys.shardDeletion(deletion),
          RecordCodec.encodeShardDeletion(deletion));
    }
    engine.write(batch);
  }

  @Override
  public List<ShardDeletion> peekShardDeletions(Instant now, int limit) {
    byte[] due = Keys.prefixSuccessor(Keys.stamp(now));
    List<ShardDeletion> out = new ArrayList<>();
    try (KvCursor cursor = engine.cursor(KvColumn.SHARD_DELETIONS)) {
      for (cursor.seek(new byte[0]);
          cursor.valid() && out.size() < limit && Keys.compare(cursor.key(), due) < 0;
          cursor.next()) {
        out.add(RecordCodec.decodeShardDeletion(cursor.value()));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void ackShardDeletion(ShardDeletion deletion) {
    engine.write(new KvBatch().delete(KvColumn.SHARD_DELETIONS, Keys.shardDeletion(deletion)));
  }

  @Override
  public ShardDeletion retryShardDeletion(ShardDeletion deletion, Instant nextAttempt) {
    ShardDeletion retry = deletion.retried(nextAttempt);
    engine.write(
        new KvBatch()
            .delete(KvColumn.SHARD_DELETIONS, Keys.shardDeletion(deletion))
            .put(
                KvColumn.SHARD_DELETIONS,
                Keys.shardDeletion(retry),
                RecordCodec.encodeShardDeletion(retry)));
    return retry;
  }

  // ---- shards ----

  @Override
  public Optional<ShardOwner> shardOwner(String nodeId, String shardId) {
    return Optional.ofNullable(engine.get(KvColumn.SHARD_OWNERS, Keys.shardOwner(nodeId, shardId)))
        .map(RecordCodec::decodeShardOwner);
  }

  private static void putOwners(KvBatch batch, List<SegmentRecord> segments, ShardOwner owner) {
    byte[] value = RecordCodec.encodeShardOwner(owner);
    for (SegmentRecord segment : segments) {
      for (ShardRecord shard : segment.shards()) {
        batch.put(KvColumn.SHARD_OWNERS, Keys.shardOwner(shard.nodeId(), shard.shardId()), value);
      }
    }
  }

  /** A shard's address on its node. */
  private record ShardKey(String nodeId, String shardId) {}

  private static Set<ShardKey> shardsOf(List<SegmentRecord> segments) {
    Set<ShardKey> out = new HashSet<>();
    for (SegmentRecord segment : segments) {
      for (ShardRecord shard : segment.shards()) {
        out.add(new ShardKey(shard.nodeId(), shard.shardId()));
      }
    }
    return out;
  }

  /**
   * Queues deletion of every shard of {@code segments} that {@code kept} does not list (and drops
   * its reverse-index entry), so that a commit reusing shards (a metadata-only self-copy,
   * completion reusing its parts) never deletes live data.
   */
  private static void enqueueUnreferenced(
      KvBatch batch, List<SegmentRecord> segments, Set<ShardKey> kept, Instant now) {
    for (SegmentRecord segment : segments) {
      for (ShardRecord shard : segment.shards()) {
        if (!kept.contains(new ShardKey(shard.nodeId(), shard.shardId()))) {
          batch.delete(KvColumn.SHARD_OWNERS, Keys.shardOwner(shard.nodeId(), shard.shardId()));
          ShardDeletion deletion = ShardDeletion.of(shard.nodeId(), shard.shardId(), now);
          batch.put(
              KvColumn.SHARD_DELETIONS,
              Keys.shardDeletion(deletion),
              RecordCodec.encodeShardDeletion(deletion));
        }
      }
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
