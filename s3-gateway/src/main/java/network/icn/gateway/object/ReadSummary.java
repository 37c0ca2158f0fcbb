package network.icn.gateway.object;

import java.util.List;
import network.icn.erasure.stripe.ChunkId;

/**
 * What a read delivered and found on the way.
 *
 * @param bytes bytes written to the sink
 * @param corruptChunks chunks that failed their CRC32C (queued for repair), as (segment, chunk)
 * @param unavailableChunks chunks that could not be had in time
 * @param stripesDecoded stripes rebuilt from parity
 * @param hedged whether any stripe needed more than the data shards
 */
public record ReadSummary(
    long bytes,
    List<SegmentChunk> corruptChunks,
    List<SegmentChunk> unavailableChunks,
    long stripesDecoded,
    boolean hedged) {
  public ReadSummary {
    corruptChunks = List.copyOf(corruptChunks);
    unavailableChunks = List.copyOf(unavailableChunks);
  }

  /** A chunk of a segment. */
  public record SegmentChunk(String segmentId, ChunkId chunk) {}
}
