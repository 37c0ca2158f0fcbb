package network.icn.gateway.object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import network.icn.erasure.stripe.ChunkId;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.Checksums;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ObjectCommit;
import network.icn.gateway.metadata.ObjectLayout;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.metadata.RepairTask;
import network.icn.gateway.metadata.SegmentRecord;

/**
 * The object layer over erasure-coded shards on agents, placement, and the metadata store. Objects
 * up to {@link ObjectConfig#inlineThreshold()} bytes live inline in their metadata record; larger
 * ones are written by a {@link SegmentedWriter} and read by {@link SegmentReader}s.
 */
public final class ErasureObjectStore implements ObjectStore {
  private final WriterContext ctx;

  public ErasureObjectStore(WriterContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** The collaborators this store writes with (a multipart store over it shares them). */
  WriterContext context() {
    return ctx;
  }

  public ObjectStats stats() {
    return ctx.stats();
  }

  private MetadataStore metadata() {
    return ctx.metadata();
  }

  @Override
  public ObjectUpload beginPut(PutObjectRequest request) {
    BucketRecord bucket = bucket(request.bucket());
    if (request.contentLength() > ctx.config().maxObjectSize()) {
      throw new ObjectException(
          ObjectError.ENTITY_TOO_LARGE,
          request.contentLength() + " bytes exceed the maximum of " + ctx.config().maxObjectSize());
    }
    Optional<ObjectRecord> existing = metadata().getObject(request.bucket(), request.key());
    if (!request.precondition().holds(existing.orElse(null))) {
      throw new ObjectException(
          ObjectError.PRECONDITION_FAILED, "precondition failed for " + request.key());
    }
    return new Upload(bucket, request);
  }

  @Override
  public ObjectRecord put(PutObjectRequest request, InputStream body) {
    try (ObjectUpload upload = beginPut(request)) {
      byte[] buffer = new byte[256 * 1024];
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          throw new ObjectException(ObjectError.ABORTED, "reading the body failed: " + e, e);
        }
        if (n < 0) {
          break;
        }
        upload.write(ByteBuffer.wrap(buffer, 0, n));
      }
      return upload.complete();
    }
  }

  @Override
  public ObjectRecord head(String bucket, String key) {
    Optional<ObjectRecord> record = metadata().getObject(bucket, key);
    if (record.isPresent()) {
      return record.get();
    }
    bucket(bucket);
    throw new ObjectException(ObjectError.NO_SUCH_KEY, "no key '" + key + "' in " + bucket);
  }

  @Override
  public ReadSummary read(ObjectRecord record, Optional<ByteRange> range, ObjectSink sink) {
    ByteRange.Resolved part =
        range.isPresent()
            ? range.get().resolve(record.size())
            : new ByteRange.Resolved(0, record.size());
    ObjectLayout layout = record.layout();
    try {
      if (layout.isInline()) {
        ByteBuffer data =
            ByteBuffer.wrap(layout.inlineData(), (int) part.offset(), (int) part.length());
        if (part.length() > 0) {
          sink.write(data);
        }
        return new ReadSummary(part.length(), List.of(), List.of(), 0, false);
      }
      return readSegments(record, part, sink);
    } catch (IOException e) {
      throw new ObjectException(ObjectError.SINK_FAILED, "sink failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectException(ObjectError.ABORTED, "interrupted while reading", e);
    }
  }

  private ReadSummary readSegments(ObjectRecord record, ByteRange.Resolved part, ObjectSink sink)
      throws IOException, InterruptedException {
    SegmentReader reader = new SegmentReader(ctx, record.layout().scheme());
    List<ReadSummary.SegmentChunk> corrupt = new ArrayList<>();
    List<ReadSummary.SegmentChunk> unavailable = new ArrayList<>();
    long decoded = 0;
    long bytes = 0;
    boolean hedged = false;
    long segmentStart = 0;
    long end = part.offset() + part.length();
    try {
      for (SegmentRecord segment : record.layout().segments()) {
        long segmentEnd = segmentStart + segment.dataLength();
        long from = Math.max(part.offset(), segmentStart);
        long to = Math.min(end, segmentEnd);
        if (from < to) {
          SegmentReader.Outcome outcome =
              reader.read(segment, from - segmentStart, to - from, sink);
          bytes += outcome.bytes();
          decoded += outcome.decoded();
          hedged |= outcome.hedged();
          for (ChunkId c : outcome.corrupt()) {
            corrupt.add(new ReadSummary.SegmentChunk(segment.segmentId(), c));
          }
          for (ChunkId c : outcome.unavailable()) {
            unavailable.add(new ReadSummary.SegmentChunk(segment.segmentId(), c));
          }
          queueRepair(record, segment, outcome);
        }
        segmentStart = segmentEnd;
      }
    } finally {
      ctx.stats().corruptChunks.add(corrupt.size());
      ctx.stats().unavailableChunks.add(unavailable.size());
      ctx.stats().degradedStripes.add(decoded);
      if (hedged) {
        ctx.stats().hedgedReads.increment();
      }
    }
    return new ReadSummary(bytes, corrupt, unavailable, decoded, hedged);
  }

  /** Corrupt chunks mean a bad shard on disk: queue it for repair right away. */
  private void queueRepair(
      ObjectRecord record, SegmentRecord segment, SegmentReader.Outcome outcome) {
    TreeSet<Integer> bad = new TreeSet<>();
    for (ChunkId c : outcome.corrupt()) {
      bad.add(c.shard());
    }
    if (!bad.isEmpty()) {
      metadata()
          .enqueueRepair(
              new RepairTask(
                  record.bucket(),
                  record.key(),
                  segment.segmentId(),
                  List.copyOf(bad),
                  "corrupt chunk on read",
                  ctx.clock().instant()));
      ctx.stats().repairsQueued.increment();
    }
  }

  @Override
  public Optional<ObjectRecord> delete(String bucket, String key) {
    bucket(bucket);
    try {
      return metadata().deleteObject(bucket, key, Precondition.none());
    } catch (MetadataException e) {
      throw translate(e);
    }
  }

  /**
   * Copies by streaming re-encode: the source is read (verified chunk by chunk) and written as a
   * new object with its own shards, so source and copy never share shards and each can be deleted
   * alone. For a source with a plain MD5 ETag the copy's MD5 must equal it before the commit (an
   * end-to-end check; a mismatch fails with BAD_DIGEST and commits nothing); likewise its
   * full-object checksum when the algorithm is kept.
   */
  @Override
  public ObjectRecord copyObject(CopyObjectRequest request) {
    CopySource source = request.source();
    ObjectRecord src = head(source.bucket(), source.key());
    if (!source.precondition().holds(src)) {
      throw new ObjectException(
          ObjectError.PRECONDITION_FAILED, "copy source precondition failed for " + source.key());
    }
    boolean self = source.bucket().equals(request.bucket()) && source.key().equals(request.key());
    if (self
        && request.directive() == CopyObjectRequest.MetadataDirective.COPY
        && request.storageClass().equals(src.storageClass())
        && request.checksumAlgorithm().isEmpty()) {
      throw new ObjectException(
          ObjectError.INVALID_REQUEST,
          "copying an object to itself must change its metadata, storage class or checksum");
    }
    Optional<ChecksumAlgorithm> algorithm =
        request.checksumAlgorithm().isPresent()
            ? request.checksumAlgorithm()
            : src.checksums().values().keySet().stream().findFirst().map(ChecksumAlgorithm::parse);
    Optional<String> expectedChecksum = Optional.empty();
    if (algorithm.isPresent()
        && src.checksums().type() == network.icn.gateway.metadata.ChecksumType.FULL_OBJECT) {
      expectedChecksum = Optional.ofNullable(src.checksums().values().get(algorithm.get().name()));
    }
    String srcMd5 = src.etag().replace("\"", "");
    Optional<String> contentMd5 =
        srcMd5.matches("[0-9a-fA-F]{32}")
            ? Optional.of(
                Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(srcMd5)))
            : Optional.empty();
    boolean replace = request.directive() == CopyObjectRequest.MetadataDirective.REPLACE;
    PutObjectRequest put =
        new PutObjectRequest(
            request.bucket(),
            request.key(),
            src.size(),
            contentMd5,
            algorithm,
            expectedChecksum,
            replace ? request.headers() : src.headers(),
            replace ? request.userMetadata() : src.userMetadata(),
            request.precondition(),
            request.storageClass());
    try (ObjectUpload upload = beginPut(put)) {
      read(src, Optional.empty(), upload::write);
      return upload.complete();
    }
  }

  private BucketRecord bucket(String name) {
    return metadata()
        .getBucket(name)
        .orElseThrow(
            () -> new ObjectException(ObjectError.NO_SUCH_BUCKET, "no bucket '" + name + "'"));
  }

  static ObjectException translate(MetadataException e) {
    ObjectError error =
        switch (e.error()) {
          case NO_SUCH_BUCKET -> ObjectError.NO_SUCH_BUCKET;
          case NO_SUCH_KEY -> ObjectError.NO_SUCH_KEY;
          case PRECONDITION_FAILED -> ObjectError.PRECONDITION_FAILED;
          case NO_SUCH_UPLOAD -> ObjectError.NO_SUCH_UPLOAD;
          case INVALID_PART -> ObjectError.INVALID_PART;
          default -> ObjectError.METADATA_FAILURE;
        };
    return new ObjectException(error, e.getMessage(), e);
  }

  /** A put in progress: buffers up to the inline threshold, then streams into segments. */
  private final class Upload implements ObjectUpload {
    private Optional<String> lateExpectedChecksum = Optional.empty();
    private final BucketRecord bucket;
    private final PutObjectRequest request;
    private final ByteBuffer head;
    private SegmentedWriter writer;
    private long received;
    private boolean finished;

    Upload(BucketRecord bucket, PutObjectRequest request) {
      this.bucket = bucket;
      this.request = request;
      int threshold = ctx.config().inlineThreshold();
      long known = request.contentLength();
      this.head =
          known >= 0 && known > threshold ? ByteBuffer.allocate(0) : ByteBuffer.allocate(threshold);
      if (known > threshold) {
        writer = newWriter();
      }
    }

    private SegmentedWriter newWriter() {
      return new SegmentedWriter(
          ctx,
          bucket.ownerTenantId(),
          bucket.region(),
          bucket.scheme(),
          request.contentLength(),
          request.checksumAlgorithm());
    }

    @Override
    public void write(ByteBuffer data) {
      if (finished) {
        throw new IllegalStateException("upload already completed or aborted");
      }
      received += data.remaining();
      if (request.contentLength() >= 0 && received > request.contentLength()) {
        abort();
        throw new ObjectException(
            ObjectError.INCOMPLETE_BODY,
            "body is longer than the declared " + request.contentLength() + " bytes");
      }
      if (writer == null) {
        if (data.remaining() <= head.remaining()) {
          head.put(data);
          return;
        }
        writer = newWriter();
        head.flip();
        writer.write(head);
      }
      writer.write(data);
    }

    @Override
    public ObjectRecord complete(Optional<String> lateExpectedChecksum) {
      Objects.requireNonNull(lateExpectedChecksum, "lateExpectedChecksum");
      if (lateExpectedChecksum.isPresent()
          && (request.expectedChecksum().isPresent() || request.checksumAlgorithm().isEmpty())) {
        abort();
        throw new ObjectException(
            ObjectError.INVALID_REQUEST,
            "a late checksum needs the request's algorithm and no value given up front");
      }
      this.lateExpectedChecksum = lateExpectedChecksum;
      if (finished) {
        throw new IllegalStateException("upload already completed or aborted");
      }
      if (request.contentLength() >= 0 && received != request.contentLength()) {
        abort();
        throw new ObjectException(
            ObjectError.INCOMPLETE_BODY,
            "body has " + received + " bytes, Content-Length declared " + request.contentLength());
      }
      ObjectLayout layout;
      ObjectDigests.Result digests;
      List<RepairTask> repairs = new ArrayList<>();
      Instant now = ctx.clock().instant();
      if (writer == null) {
        head.flip();
        byte[] inline = new byte[head.remaining()];
        head.get(inline);
        ObjectDigests d = new ObjectDigests(request.checksumAlgorithm());
        d.update(ByteBuffer.wrap(inline));
        digests = d.finish();
        layout = ObjectLayout.inline(bucket.scheme(), inline);
      } else {
        SegmentedWriter.Written written = writer.finish();
        digests = written.digests();
        layout = ObjectLayout.segmented(bucket.scheme(), written.segments());
        for (int i = 0; i < written.segments().size(); i++) {
          List<Integer> lost = written.missing().get(i);
          if (!lost.isEmpty()) {
            repairs.add(
                new RepairTask(
                    request.bucket(),
                    request.key(),
                    written.segments().get(i).segmentId(),
                    lost,
                    "shard not acknowledged on write",
                    now));
          }
        }
      }
      finished = true;
      verify(digests);
      ObjectRecord record =
          new ObjectRecord(
              request.bucket(),
              request.key(),
              received,
              digests.etag(),
              now,
              request.storageClass(),
              digests.checksumBase64().isPresent()
                  ? Checksums.fullObject(
                      digests.algorithm().orElseThrow().name(), digests.checksumBase64().get())
                  : new Checksums(Map.of(), network.icn.gateway.metadata.ChecksumType.FULL_OBJECT),
              request.headers(),
              request.userMetadata(),
              null,
              layout);
      try {
        metadata().commitObject(new ObjectCommit(record, request.precondition(), null, repairs));
      } catch (MetadataException e) {
        discard();
        throw translate(e);
      } catch (RuntimeException e) {
        discard();
        throw e;
      } finally {
        if (writer != null) {
          writer.settle();
        }
      }
      ctx.stats().repairsQueued.add(repairs.size());
      return record;
    }

    private void verify(ObjectDigests.Result digests) {
      if (request.contentMd5().isPresent()) {
        byte[] expected;
        try {
          expected = Base64.getDecoder().decode(request.contentMd5().get().trim());
        } catch (IllegalArgumentException e) {
          discard();
          throw new ObjectException(ObjectError.INVALID_REQUEST, "Content-MD5 is not base64");
        }
        if (!java.util.Arrays.equals(expected, digests.md5())) {
          discard();
          throw new ObjectException(
              ObjectError.BAD_DIGEST, "Content-MD5 does not match the body's MD5");
        }
      }
      Optional<String> expectedChecksum = request.expectedChecksum().or(() -> lateExpectedChecksum);
      if (expectedChecksum.isPresent()
          && !expectedChecksum.get().trim().equals(digests.checksumBase64().orElse(""))) {
        discard();
        throw new ObjectException(
            ObjectError.BAD_DIGEST,
            "x-amz-checksum-"
                + request
                    .checksumAlgorithm()
                    .orElseThrow()
                    .name()
                    .toLowerCase(java.util.Locale.ROOT)
                + " does not match the body");
      }
    }

    /** After the writer finished: queue its shards for deletion. */
    private void discard() {
      finished = true;
      ctx.stats().failedWrites.increment();
      if (writer != null) {
        writer.deletePlaced();
      }
    }

    @Override
    public void abort() {
      if (finished) {
        return;
      }
      finished = true;
      if (writer != null) {
        writer.abort();
      }
    }
  }
}
