package network.icn.erasure.stripe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.icn.erasure.ErasureScheme;

/**
 * A hand-written fake of the shard store: a {@link StripeSink} that keeps every shard in memory,
 * and a {@link ChunkSource} over them with faults injected per shard or per chunk (lost shards,
 * flipped bits, truncated chunks, wrong recorded CRCs). It counts every chunk request.
 */
final class InMemoryShards implements StripeSink, ChunkSource {

  private final ErasureScheme scheme;
  private final List<ByteArrayOutputStream> shards = new ArrayList<>();
  private final List<int[]> crcs = new ArrayList<>();
  private final List<Integer> chunkLengths = new ArrayList<>();
  private final Set<Integer> lostShards = new HashSet<>();
  private final Map<ChunkId, Integer> flippedBits = new HashMap<>();
  private final Set<ChunkId> truncated = new HashSet<>();
  private final Map<ChunkId, Integer> recordedCrcOverrides = new HashMap<>();
  private final List<ChunkId> requests = new ArrayList<>();

  InMemoryShards(ErasureScheme scheme) {
    this.scheme = scheme;
    for (int i = 0; i < scheme.totalShards(); i++) {
      shards.add(new ByteArrayOutputStream());
    }
  }

  @Override
  public void accept(EncodedStripe stripe) {
    if (stripe.index() != crcs.size()) {
      throw new AssertionError("stripes out of order: got " + stripe.index());
    }
    int[] stripeCrcs = new int[stripe.shardCount()];
    for (int i = 0; i < stripe.shardCount(); i++) {
      ByteBuffer chunk = stripe.chunk(i);
      byte[] bytes = new byte[chunk.remaining()];
      chunk.get(bytes);
      shards.get(i).writeBytes(bytes);
      stripeCrcs[i] = stripe.crc(i);
    }
    crcs.add(stripeCrcs);
    chunkLengths.add(stripe.chunkLength());
  }

  @Override
  public ByteBuffer chunk(long stripe, int shard) {
    ChunkId id = new ChunkId(stripe, shard);
    requests.add(id);
    if (lostShards.contains(shard)) {
      return null;
    }
    int length = chunkLengths.get((int) stripe);
    int from = (int) stripe * scheme.chunkSize();
    byte[] bytes = shards.get(shard).toByteArray();
    ByteBuffer copy = ByteBuffer.allocate(length + 10);
    copy.position(7); // callers must honour the position
    copy.put(bytes, from, length);
    copy.flip().position(7);
    Integer bit = flippedBits.get(id);
    if (bit != null) {
      int index = 7 + bit / 8;
      copy.put(index, (byte) (copy.get(index) ^ (1 << (bit % 8))));
    }
    if (truncated.contains(id)) {
      copy.limit(copy.limit() - 1);
    }
    return copy.asReadOnlyBuffer();
  }

  @Override
  public int expectedCrc(long stripe, int shard) {
    Integer override = recordedCrcOverrides.get(new ChunkId(stripe, shard));
    return override != null ? override : crcs.get((int) stripe)[shard];
  }

  InMemoryShards lose(int... shardIndexes) {
    for (int shard : shardIndexes) {
      lostShards.add(shard);
    }
    return this;
  }

  InMemoryShards flipBit(long stripe, int shard, int bit) {
    flippedBits.put(new ChunkId(stripe, shard), bit);
    return this;
  }

  InMemoryShards truncate(long stripe, int shard) {
    truncated.add(new ChunkId(stripe, shard));
    return this;
  }

  InMemoryShards misrecordCrc(long stripe, int shard) {
    recordedCrcOverrides.put(new ChunkId(stripe, shard), ~crcs.get((int) stripe)[shard]);
    return this;
  }

  void clearFaults() {
    lostShards.clear();
    flippedBits.clear();
    truncated.clear();
    recordedCrcOverrides.clear();
  }

  byte[] shard(int shard) {
    return shards.get(shard).toByteArray();
  }

  int recordedCrc(long stripe, int shard) {
    return crcs.get((int) stripe)[shard];
  }

  int stripes() {
    return crcs.size();
  }

  int chunkLength(long stripe) {
    return chunkLengths.get((int) stripe);
  }

  List<ChunkId> requests() {
    return List.copyOf(requests);
  }

  void clearRequests() {
    requests.clear();
  }
}
