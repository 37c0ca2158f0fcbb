package network.icn.gateway.object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.ChecksumType;
import network.icn.gateway.metadata.Checksums;
import network.icn.gateway.metadata.ListUploadsQuery;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.MultipartUploadRecord;
import network.icn.gateway.metadata.ObjectCommit;
import network.icn.gateway.metadata.ObjectLayout;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartBoundary;
import network.icn.gateway.metadata.PartListing;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.RepairTask;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.metadata.UploadListing;

/**
 * {@link MultipartStore} over the same writer and metadata as {@link ErasureObjectStore}: each part
 * is written by its own {@link SegmentedWriter} and recorded with {@link MetadataStore#putPart}
 * (which queues a replaced part's shards); completion validates the listed parts and commits one
 * record whose layout is the parts' segments in order plus their boundaries.
 */
public final class ErasureMultipartStore implements MultipartStore {
  private final WriterContext ctx;
  private final ObjectStore objects;
  private final MultipartConfig config;

  public ErasureMultipartStore(WriterContext ctx, ObjectStore objects, MultipartConfig config) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A multipart store sharing {@code objects}' writer context (placement, agents, metadata). */
  public ErasureMultipartStore(ErasureObjectStore objects, MultipartConfig config) {
    this(objects.context(), objects, config);
  }

  private MetadataStore metadata() {
    return ctx.metadata();
  }

  @Override
  public MultipartUploadRecord createMultipartUpload(CreateMultipartUploadRequest request) {
    BucketRecord bucket = bucket(request.bucket());
    MultipartUploadRecord upload;
    try {
      upload =
          new MultipartUploadRecord(
              ctx.newUploadId(),
              request.bucket(),
              request.key(),
              ctx.clock().instant(),
              bucket.ownerTenantId(),
              request.storageClass(),
              request.headers(),
              request.userMetadata(),
              request.checksumAlgorithm().map(Enum::name).orElse(null),
              request.checksumType().orElse(ChecksumType.FULL_OBJECT),
              bucket.scheme(),
              null);
      metadata().createMultipartUpload(upload);
    } catch (MetadataException e) {
      throw ErasureObjectStore.translate(e);
    }
    return upload;
  }

  @Override
  public PartUpload beginUploadPart(UploadPartRequest request) {
    MultipartUploadRecord upload = upload(request.bucket(), request.key(), request.uploadId());
    if (request.contentLength() > config.maxPartSize()) {
      throw new ObjectException(
          ObjectError.ENTITY_TOO_LARGE,
          "part of " + request.contentLength() + " bytes exceeds " + config.maxPartSize());
    }
    Optional<ChecksumAlgorithm> algorithm =
        Optional.ofNullable(upload.checksumAlgorithm()).map(ChecksumAlgorithm::parse);
    if (request.expectedChecksum().isPresent() && algorithm.isEmpty()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "the upload was created without a checksum algorithm");
    }
    return new Part(bucket(request.bucket()), upload, request, algorithm);
  }

  @Override
  public PartRecord uploadPart(UploadPartRequest request, InputStream body) {
    try (PartUpload part = beginUploadPart(request)) {
      byte[] buffer = new byte[256 * 1024];
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          throw new ObjectException(ObjectError.ABORTED, "reading the body failed: " + e, e);
        }
        if (n < 0) {
          return part.complete();
        }
        part.write(ByteBuffer.wrap(buffer, 0, n));
      }
    }
  }

  @Override
  public PartRecord uploadPartCopy(UploadPartRequest target, CopySource source) {
    ObjectRecord src = objects.head(source.bucket(), source.key());
    if (!source.precondition().holds(src)) {
      throw new ObjectException(
          ObjectError.PRECONDITION_FAILED, "copy source precondition failed for " + source.key());
    }
    ByteRange.Resolved range =
        source.range().isPresent()
            ? source.range().get().resolve(src.size())
            : new ByteRange.Resolved(0, src.size());
    UploadPartRequest sized =
        new UploadPartRequest(
            target.bucket(),
            target.key(),
            target.uploadId(),
            target.partNumber(),
            range.length(),
            Optional.empty(),
            Optional.empty());
    try (PartUpload part = beginUploadPart(sized)) {
      if (range.length() > 0) {
        objects.read(
            src,
            Optional.of(new ByteRange.FromTo(range.offset(), range.offset() + range.length() - 1)),
            part::write);
      }
      return part.complete();
    }
  }

  @Override
  public ObjectRecord completeMultipartUpload(CompleteMultipartUploadRequest request) {
    MultipartUploadRecord upload = upload(request.bucket(), request.key(), request.uploadId());
    if (request.parts().isEmpty()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST, "a completion needs at least one part");
    }
    List<PartRecord> parts = new ArrayList<>();
    int previous = 0;
    for (CompletedPart listed : request.parts()) {
      if (listed.partNumber() <= previous) {
        throw new ObjectException(
            ObjectError.INVALID_PART_ORDER,
            "part " + listed.partNumber() + " follows part " + previous);
      }
      previous = listed.partNumber();
      parts.add(checkedPart(upload, listed));
    }
    for (int i = 0; i < parts.size() - 1; i++) {
      if (parts.get(i).size() < config.minPartSize()) {
        throw new ObjectException(
            ObjectError.ENTITY_TOO_SMALL,
            "part "
                + parts.get(i).partNumber()
                + " has "
                + parts.get(i).size()
                + " bytes, below the minimum of "
                + config.minPartSize());
      }
    }
    Checksums checksums = Checksums.NONE;
    if (upload.checksumAlgorithm() != null) {
      checksums =
          MultipartChecksums.object(
              ChecksumAlgorithm.parse(upload.checksumAlgorithm()), upload.checksumType(), parts);
      String actual = checksums.values().values().iterator().next();
      if (request.expectedChecksum().isPresent()
          && !request.expectedChecksum().get().trim().equals(actual)) {
        throw new ObjectException(
            ObjectError.BAD_DIGEST,
            "the object's " + upload.checksumAlgorithm() + " is " + actual + ", not as sent");
      }
    }
    List<SegmentRecord> segments = new ArrayList<>();
    List<PartBoundary> boundaries = new ArrayList<>();
    long size = 0;
    for (PartRecord part : parts) {
      segments.addAll(part.segments());
      boundaries.add(part.boundary());
      size += part.size();
    }
    Instant now = ctx.clock().instant();
    ObjectRecord record =
        new ObjectRecord(
            request.bucket(),
            request.key(),
            size,
            MultipartChecksums.etag(parts),
            now,
            upload.storageClass(),
            checksums,
            upload.headers(),
            upload.userMetadata(),
            null,
            new ObjectLayout(upload.scheme(), null, segments, boundaries));
    List<RepairTask> repairs = repairsOf(record, now);
    try {
      metadata()
          .commitObject(
              new ObjectCommit(record, request.precondition(), request.uploadId(), repairs));
    } catch (MetadataException e) {
      throw ErasureObjectStore.translate(e);
    }
    ctx.stats().repairsQueued.add(repairs.size());
    return record;
  }

  /** The stored part a completion lists, if its ETag (and checksum, when listed) match. */
  private PartRecord checkedPart(MultipartUploadRecord upload, CompletedPart listed) {
    PartRecord part =
        metadata()
            .getPart(upload.uploadId(), listed.partNumber())
            .orElseThrow(
                () ->
                    new ObjectException(
                        ObjectError.INVALID_PART,
                        "part " + listed.partNumber() + " was not uploaded"));
    if (!MultipartChecksums.unquote(part.etag())
        .equalsIgnoreCase(MultipartChecksums.unquote(listed.etag()))) {
      throw new ObjectException(
          ObjectError.INVALID_PART,
          "part " + listed.partNumber() + " has ETag " + part.etag() + ", not " + listed.etag());
    }
    if (listed.checksum().isPresent()
        && !part.checksums().values().containsValue(listed.checksum().get().trim())) {
      throw new ObjectException(
          ObjectError.INVALID_PART, "part " + listed.partNumber() + " checksum does not match");
    }
    return part;
  }

  /**
   * Shards missing at part-write time (unknown Merkle root) are queued for repair on completion.
   */
  private static List<RepairTask> repairsOf(ObjectRecord record, Instant now) {
    List<RepairTask> repairs = new ArrayList<>();
    byte[] unknown = new byte[ShardRecord.MERKLE_ROOT_BYTES];
    for (SegmentRecord segment : record.layout().segments()) {
      List<Integer> missing = new ArrayList<>();
      for (ShardRecord shard : segment.shards()) {
        if (Arrays.equals(shard.merkleRoot(), unknown)) {
          missing.add(shard.shardIndex());
        }
      }
      if (!missing.isEmpty()) {
        repairs.add(
            new RepairTask(
                record.bucket(),
                record.key(),
                segment.segmentId(),
                missing,
                "shard not acknowledged on part write",
                now));
      }
    }
    return repairs;
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) {
    try {
      metadata().abortMultipartUpload(bucket, key, uploadId);
    } catch (MetadataException e) {
      throw ErasureObjectStore.translate(e);
    }
  }

  @Override
  public PartListing listParts(
      String bucket, String key, String uploadId, int partNumberMarker, int max) {
    upload(bucket, key, uploadId);
    try {
      return metadata().listParts(uploadId, partNumberMarker, max);
    } catch (MetadataException e) {
      throw ErasureObjectStore.translate(e);
    }
  }

  @Override
  public UploadListing listMultipartUploads(String bucket, ListUploadsQuery query) {
    try {
      return metadata().listMultipartUploads(bucket, query);
    } catch (MetadataException e) {
      throw ErasureObjectStore.translate(e);
    }
  }

  private BucketRecord bucket(String name) {
    return metadata()
        .getBucket(name)
        .orElseThrow(
            () -> new ObjectException(ObjectError.NO_SUCH_BUCKET, "no bucket '" + name + "'"));
  }

  private MultipartUploadRecord upload(String bucket, String key, String uploadId) {
    return metadata()
        .getMultipartUpload(bucket, key, uploadId)
        .orElseThrow(
            () -> {
              bucket(bucket);
              return new ObjectException(
                  ObjectError.NO_SUCH_UPLOAD, "no upload " + uploadId + " for " + key);
            });
  }

  /** A part in progress: always segmented (never inline), so completion only joins lists. */
  private final class Part implements PartUpload {
    private final MultipartUploadRecord upload;
    private final UploadPartRequest request;
    private final SegmentedWriter writer;
    private long received;
    private boolean finished;

    Part(
        BucketRecord bucket,
        MultipartUploadRecord upload,
        UploadPartRequest request,
        Optional<ChecksumAlgorithm> algorithm) {
      this.upload = upload;
      this.request = request;
      this.writer =
          new SegmentedWriter(
              ctx,
              bucket.ownerTenantId(),
              bucket.region(),
              upload.scheme(),
              request.contentLength(),
              algorithm);
    }

    @Override
    public void write(ByteBuffer data) {
      if (finished) {
        throw new IllegalStateException("part already completed or aborted");
      }
      received += data.remaining();
      long limit = request.contentLength() >= 0 ? request.contentLength() : config.maxPartSize();
      if (received > limit) {
        abort();
        throw new ObjectException(
            request.contentLength() >= 0
                ? ObjectError.INCOMPLETE_BODY
                : ObjectError.ENTITY_TOO_LARGE,
            "part body exceeds " + limit + " bytes");
      }
      writer.write(data);
    }

    @Override
    public PartRecord complete() {
      if (finished) {
        throw new IllegalStateException("part already completed or aborted");
      }
      if (request.contentLength() >= 0 && received != request.contentLength()) {
        abort();
        throw new ObjectException(
            ObjectError.INCOMPLETE_BODY,
            "part has " + received + " bytes, Content-Length declared " + request.contentLength());
      }
      finished = true;
      try {
        SegmentedWriter.Written written = writer.finish();
        ObjectDigests.Result digests = written.digests();
        verify(digests);
        PartRecord part =
            new PartRecord(
                upload.uploadId(),
                request.partNumber(),
                written.size(),
                digests.etag(),
                digests.checksumBase64().isPresent()
                    ? Checksums.fullObject(
                        digests.algorithm().orElseThrow().name(), digests.checksumBase64().get())
                    : Checksums.NONE,
                written.segments(),
                ctx.clock().instant());
        metadata().putPart(request.bucket(), request.key(), part);
        return part;
      } catch (MetadataException e) {
        writer.deletePlaced();
        throw ErasureObjectStore.translate(e);
      } catch (RuntimeException e) {
        writer.deletePlaced();
        throw e;
      } finally {
        writer.settle();
      }
    }

    private void verify(ObjectDigests.Result digests) {
      if (request.contentMd5().isPresent()) {
        byte[] expected;
        try {
          expected = Base64.getDecoder().decode(request.contentMd5().get().trim());
        } catch (IllegalArgumentException e) {
          throw new ObjectException(ObjectError.INVALID_REQUEST, "Content-MD5 is not base64");
        }
        if (!Arrays.equals(expected, digests.md5())) {
          throw new ObjectException(ObjectError.BAD_DIGEST, "Content-MD5 does not match the part");
        }
      }
      if (request.expectedChecksum().isPresent()
          && !request.expectedChecksum().get().trim().equals(digests.checksumBase64().orElse(""))) {
        throw new ObjectException(
            ObjectError.BAD_DIGEST, "the part's " + upload.checksumAlgorithm() + " does not match");
      }
    }

    @Override
    public void abort() {
      if (finished) {
        return;
      }
      finished = true;
      writer.abort();
    }
  }
}
