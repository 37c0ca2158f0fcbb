package network.icn.erasure.stripe;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a read found besides the bytes: chunks that failed their CRC32C (or had the wrong length)
 * and were treated as missing, chunks the source could not supply, and how many stripes needed
 * Reed-Solomon decoding. The gateway queues the corrupt shards for repair.
 *
 * @param bytes bytes delivered
 * @param corruptChunks chunks that were supplied but bad, in the order found (immutable)
 * @param unavailableChunks chunks asked for that the source could not supply (immutable)
 * @param stripesDecoded stripes that needed decoding (0 on the happy path)
 */
public record ReadReport(
    long bytes, List<ChunkId> corruptChunks, List<ChunkId> unavailableChunks, long stripesDecoded) {

  public ReadReport {
    if (bytes < 0 || stripesDecoded < 0) {
      throw new IllegalArgumentException("bytes and stripesDecoded must be >= 0");
    }
    corruptChunks = List.copyOf(Objects.requireNonNull(corruptChunks, "corruptChunks"));
    unavailableChunks = List.copyOf(Objects.requireNonNull(unavailableChunks, "unavailableChunks"));
  }

  /** The distinct shard indices with at least one corrupt chunk: what repair should rewrite. */
  public SortedSet<Integer> corruptShards() {
    TreeSet<Integer> shards = new TreeSet<>();
    for (ChunkId chunk : corruptChunks) {
      shards.add(chunk.shard());
    }
    return Collections.unmodifiableSortedSet(shards);
  }

  /** Whether every chunk read was good. */
  public boolean clean() {
    return corruptChunks.isEmpty();
  }
}
