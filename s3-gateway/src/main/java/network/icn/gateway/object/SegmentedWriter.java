package network.icn.gateway.object;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.stripe.EncodedStripe;
import network.icn.erasure.stripe.ShardLayout;
import network.icn.erasure.stripe.StripeEncoder;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardDeletion;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.shard.ShardUpload;
import network.icn.gateway.shard.SuspectNodes;
import network.icn.placement.api.Placement;
import network.icn.placement.api.PlacementException;
import network.icn.placement.api.PlacementRequest;
import network.icn.placement.api.ReplacementRequest;
import network.icn.placement.api.ShardAssignment;

/**
 * Streams a body of known or unknown length into segments on nodes: each segment is placed, cut
 * into stripes, RS-encoded, and its k + m shards stream in parallel to their nodes ({@link
 * ShardUpload}); MD5 and the requested checksum are computed in the same pass. The slowest live
 * shard paces {@link #write}; a shard that fails or stalls is dropped while the write quorum still
 * holds. Nothing is committed here: {@link #finish()} returns the segments for the caller's commit
 * (PutObject, and later UploadPart, whose part is its own run of segments).
 *
 * <p>On any failure the writer aborts: live uploads are cut (agents keep nothing of them) and every
 * shard placed so far is queued for deletion. Not thread-safe: one writer per body.
 */
public final class SegmentedWriter {
  /**
   * What was written.
   *
   * @param segments the segments in order, every shard recorded (missing ones too, so their CRCs
   *     are known for verification after repair)
   * @param missing per segment (same order), the shard indexes that were not acknowledged
   */
  public record Written(
      long size,
      List<SegmentRecord> segments,
      List<List<Integer>> missing,
      ObjectDigests.Result digests) {
    public Written {
      segments = List.copyOf(segments);
      missing = missing.stream().map(List::copyOf).toList();
    }
  }

  private static final byte[] UNKNOWN_ROOT = new byte[ShardRecord.MERKLE_ROOT_BYTES];

  private final WriterContext ctx;
  private final String tenantId;
  private final String region;
  private final ErasureScheme scheme;
  private final long expectedLength;
  private final ObjectDigests digests;
  private final StripeEncoder encoder;
  private final WriteQuorum quorum;
  private final List<SegmentRecord> segments = new ArrayList<>();
  private final List<List<Integer>> missing = new ArrayList<>();
  private final List<ShardDeletion> placed = new ArrayList<>();
  private final List<String> inFlight = new ArrayList<>();
  private Segment current;
  private long written;
  private boolean done;

  /**
   * @param expectedLength the body length if known (placement then reserves exact shard sizes), or
   *     -1
   */
  public SegmentedWriter(
      WriterContext ctx,
      String tenantId,
      String region,
      ErasureScheme scheme,
      long expectedLength,
      Optional<ChecksumAlgorithm> checksum) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.region = Objects.requireNonNull(region, "region");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.expectedLength = expectedLength;
    this.digests = new ObjectDigests(checksum);
    this.encoder = new StripeEncoder(scheme, ctx.codec(scheme), this::accept);
    this.quorum = new WriteQuorum(scheme.data(), scheme.parity());
  }

  /** Bytes accepted so far. */
  public long written() {
    return written;
  }

  /** Hashes and encodes {@code data}'s remaining bytes (consumed); blocks while nodes lag. */
  public void write(ByteBuffer data) {
    ensureOpen();
    try {
      if (written + data.remaining() > ctx.config().maxObjectSize()) {
        throw new ObjectException(
            ObjectError.ENTITY_TOO_LARGE,
            "body exceeds the maximum object size of " + ctx.config().maxObjectSize() + " bytes");
      }
      digests.update(data);
      long segmentSize = ctx.config().segmentSize();
      while (data.hasRemaining()) {
        if (current == null) {
          long remaining = expectedLength >= 0 ? expectedLength - written : segmentSize;
          current = startSegment(Math.max(1, Math.min(segmentSize, remaining)));
        }
        int n = (int) Math.min(data.remaining(), segmentSize - current.length);
        ByteBuffer piece = data.slice(data.position(), n);
        data.position(data.position() + n);
        current.length += n;
        written += n;
        encoder.write(piece);
        if (current.length == segmentSize) {
          finishSegment();
        }
      }
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Ends the body: finishes the last segment and returns what was written (not committed). */
  public Written finish() {
    ensureOpen();
    try {
      if (current != null) {
        finishSegment();
      }
      done = true;
      return new Written(written, segments, missing, digests.finish());
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Cuts live uploads and queues every shard placed so far for deletion. Idempotent. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    ctx.stats().failedWrites.increment();
    if (current != null) {
      for (ShardUpload upload : current.uploads) {
        upload.abort();
      }
      current = null;
    }
    deletePlaced();
  }

  /** Queues deletion of every shard this writer placed (after a failed commit, for instance). */
  public void deletePlaced() {
    if (!placed.isEmpty()) {
      ctx.metadata().enqueueShardDeletions(List.copyOf(placed));
      placed.clear();
    }
    settle();
  }

  /**
   * Ends the writer's claim on its segments (see {@link InFlightSegments}): call after the commit
   * that references them succeeded, or after {@link #deletePlaced}. Idempotent.
   */
  public void settle() {
    for (String segmentId : inFlight) {
      ctx.inFlight().remove(segmentId);
    }
    inFlight.clear();
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("writer already finished or aborted");
    }
  }

  private Segment startSegment(long segmentLength) {
    String segmentId = ctx.newSegmentId();
    ctx.inFlight().add(segmentId);
    inFlight.add(segmentId);
    long shardSize = new ShardLayout(scheme, segmentLength).shardSize();
    Placement placement;
    try {
      placement =
          avoidSuspects(
              ctx.placement()
                  .place(
                      new PlacementRequest(
                          tenantId, segmentId, region, scheme.data(), scheme.parity(), shardSize)),
              shardSize);
    } catch (PlacementException e) {
      throw new ObjectException(
          ObjectError.PLACEMENT_FAILED, "placement failed: " + e.getMessage(), e);
    }
    Instant now = ctx.clock().instant();
    Segment segment = new Segment(segmentId, placement.shards());
    for (ShardAssignment assignment : placement.shards()) {
      int index = assignment.shardIndex();
      String shardId = segmentId + "-" + index;
      placed.add(ShardDeletion.of(assignment.nodeId(), shardId, now));
      ShardUpload upload =
          new ShardUpload(index, scheme.chunkSize(), ctx.config().sendQueueChunks() + 1);
      InetSocketAddress address = ctx.nodes().learn(assignment.nodeId(), assignment.endpoint());
      upload.started(
          ctx.client()
              .putStreaming(
                  address, assignment.nodeId(), new ShardId(shardId), scheme.chunkSize(), upload));
      segment.uploads.add(upload);
    }
    return segment;
  }

  /**
   * The placement with every node this process recently failed to reach ({@link
   * WriterContext#suspects()}) swapped for one placement picks as a replacement (it keeps the
   * segment's spread and the charge of the original answer). Placement's heartbeats take a while to
   * notice a stopped node; until then this keeps a PUT that failed on it from failing again on
   * retry. Never fewer shards: if placement cannot replace them all, the original answer stands.
   */
  private Placement avoidSuspects(Placement answer, long shardSize) {
    Set<String> suspects = ctx.suspects().current();
    if (suspects.isEmpty()) {
      return answer;
    }
    List<Integer> swapped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    Set<String> excluded = new TreeSet<>(suspects);
    for (ShardAssignment a : answer.shards()) {
      if (suspects.contains(a.nodeId().toLowerCase(Locale.ROOT))) {
        swapped.add(a.shardIndex());
        excluded.add(a.nodeId()); // as placement spells it
      } else {
        kept.add(a.nodeId());
      }
    }
    if (swapped.isEmpty()) {
      return answer;
    }
    Placement replacement;
    try {
      replacement =
          ctx.placement()
              .replacement(
                  new ReplacementRequest(
                      tenantId,
                      answer.segmentId(),
                      region,
                      kept,
                      List.copyOf(excluded),
                      swapped.size(),
                      shardSize,
                      scheme.parity()));
    } catch (PlacementException e) {
      return answer; // not enough other nodes: try the suspects after all
    }
    if (replacement.shards().size() != swapped.size()) {
      return answer;
    }
    List<ShardAssignment> shards = new ArrayList<>(answer.shards());
    for (int j = 0; j < swapped.size(); j++) {
      ShardAssignment r = replacement.shards().get(j);
      int index = swapped.get(j);
      shards.set(index, new ShardAssignment(index, r.nodeId(), r.endpoint(), r.hpId(), r.site()));
    }
    ctx.stats().suspectsAvoided.add(swapped.size());
    return new Placement(answer.segmentId(), answer.region(), shards, replacement.spread());
  }

  /** Feeds the local failure detector: unreachable nodes become suspect, acknowledging ones not. */
  private void noteOutcomes(Segment segment) {
    for (ShardUpload upload : segment.uploads) {
      CompletableFuture<ShardReceipt> result = upload.result();
      if (result == null || !result.isDone()) {
        continue;
      }
      String nodeId = segment.assignments.get(upload.shardIndex()).nodeId();
      if (result.isCompletedExceptionally()) {
        if (SuspectNodes.isUnreachable(result.exceptionNow())) {
          ctx.suspects().unreachable(nodeId);
        }
      } else {
        ctx.suspects().reached(nodeId);
      }
    }
  }

  /** The encoder's sink: hands each chunk to its shard's upload. */
  private void accept(EncodedStripe stripe) {
    Segment segment = current;
    long stallNanos = ctx.config().writeStallTimeout().toNanos();
    int index = (int) stripe.index();
    for (int i = 0; i < stripe.shardCount(); i++) {
      segment.crc(i, index, stripe.crc(i));
      ShardUpload upload = segment.uploads.get(i);
      if (upload.dead()) {
        continue;
      }
      boolean taken;
      try {
        taken = upload.offer(stripe.chunk(i), stripe.crc(i), stallNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ObjectException(ObjectError.ABORTED, "interrupted while writing", e);
      }
      if (!taken) {
        upload.abort();
      }
    }
    int dead = segment.deadCount();
    if (!quorum.reachable(dead)) {
      noteOutcomes(segment);
      throw quorumFailure(segment, dead);
    }
  }

  private void finishSegment() {
    Segment segment = current;
    ShardLayout layout = encoder.finish();
    encoder.reset();
    for (ShardUpload upload : segment.uploads) {
      if (!upload.dead()) {
        upload.end();
      }
    }
    long deadline = System.nanoTime() + ctx.config().receiptTimeout().toNanos();
    List<ShardRecord> records = new ArrayList<>();
    List<Integer> lost = new ArrayList<>();
    for (ShardUpload upload : segment.uploads) {
      int i = upload.shardIndex();
      ShardAssignment assignment = segment.assignments.get(i);
      String shardId = segment.segmentId + "-" + i;
      ShardRecord acked = upload.dead() ? null : awaitReceipt(upload, assignment, layout, deadline);
      if (acked == null) {
        upload.abort();
        lost.add(i);
        ctx.stats().droppedShards.increment();
        records.add(
            new ShardRecord(
                i,
                assignment.nodeId(),
                shardId,
                layout.shardSize(),
                UNKNOWN_ROOT,
                segment.crcs(i)));
      } else {
        records.add(acked);
      }
    }
    noteOutcomes(segment);
    if (!quorum.met(records.size() - lost.size())) {
      throw quorumFailure(segment, lost.size());
    }
    segments.add(new SegmentRecord(segment.segmentId, layout.dataLength(), records));
    missing.add(lost);
    current = null;
  }

  /** The shard's record if its receipt arrived in time and matches what was sent; else null. */
  private ShardRecord awaitReceipt(
      ShardUpload upload, ShardAssignment assignment, ShardLayout layout, long deadline) {
    ShardReceipt receipt;
    try {
      receipt =
          upload.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectException(ObjectError.ABORTED, "interrupted awaiting receipts", e);
    }
    ShardSpec sent = upload.sentSpec();
    if (sent == null
        || !receipt.verify()
        || !receipt.nodeId().equalsIgnoreCase(assignment.nodeId())
        || receipt.size() != layout.shardSize()
        || !receipt.merkleRoot().equals(sent.merkleRoot())) {
      return null;
    }
    return new ShardRecord(
        upload.shardIndex(),
        assignment.nodeId(),
        receipt.shardId().value(),
        receipt.size(),
        receipt.merkleRoot().bytes(),
        current.crcs(upload.shardIndex()));
  }

  private ObjectException quorumFailure(Segment segment, int failed) {
    List<String> reasons = new ArrayList<>();
    for (ShardUpload upload : segment.uploads) {
      if (upload.dead() && upload.result() != null && upload.result().isCompletedExceptionally()) {
        reasons.add(
            "shard " + upload.shardIndex() + ": " + upload.result().exceptionNow().getMessage());
      }
    }
    return new ObjectException(
        ObjectError.WRITE_QUORUM_NOT_MET,
        "segment "
            + segment.segmentId
            + ": "
            + failed
            + " of "
            + scheme.totalShards()
            + " shards failed, at most "
            + quorum.maxMissing()
            + " may be missing "
            + reasons);
  }

  /** The segment being written. */
  private final class Segment {
    final String segmentId;
    final List<ShardAssignment> assignments;
    final List<ShardUpload> uploads = new ArrayList<>();
    final int[][] crcs;
    int stripes;
    long length;

    Segment(String segmentId, List<ShardAssignment> assignments) {
      this.segmentId = segmentId;
      this.assignments = List.copyOf(assignments);
      this.crcs = new int[scheme.totalShards()][16];
    }

    void crc(int shard, int stripe, int crc) {
      if (stripe >= crcs[shard].length) {
        crcs[shard] = java.util.Arrays.copyOf(crcs[shard], Math.max(stripe + 1, stripe * 2));
      }
      crcs[shard][stripe] = crc;
      stripes = Math.max(stripes, stripe + 1);
    }

    int[] crcs(int shard) {
      return java.util.Arrays.copyOf(crcs[shard], stripes);
    }

    int deadCount() {
      int dead = 0;
      for (ShardUpload upload : uploads) {
        dead += upload.dead() ? 1 : 0;
      }
      return dead;
    }
  }
}
