package network.icn.gateway.testing;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.client.Signatures;
import org.web3j.crypto.ECKeyPair;

/**
 * An agent fake that keeps no shard data, for multi-GiB memory tests. Object bytes come from {@link
 * #generate}: the little-endian word at object offset {@code o} is {@code o·C xor SEED}, an
 * invertible function, so the first word a data shard receives tells the fake which object offset
 * the shard starts at. Data shard bytes are then a pure function of (that anchor, shard offset):
 * chunk {@code s} of the shard is object bytes {@code [anchor + s·k·chunk, + chunk)}. Requires full
 * stripes (object and segment sizes multiples of the stripe). Parity shards are accepted and
 * acknowledged (their spec is echoed in a signed receipt) but not readable: reads must stay on the
 * systematic happy path, which the memory test ensures with a long hedge delay.
 */
public final class SyntheticAgentClient implements AgentClient {
  static final long C = 0x9E3779B97F4A7C15L;
  static final long SEED = 0x5DEECE66DL;
  private static final long C_INVERSE = inverse(C);

  private record Stored(long size, long anchor, int chunkSize, boolean data) {}

  private final int dataShards;
  private final Map<String, ECKeyPair> keys;
  private final Map<String, Stored> shards = new ConcurrentHashMap<>();

  /** Fake nodes for {@code keys} (node id = the key's address); {@code dataShards} = k. */
  public SyntheticAgentClient(int dataShards, List<ECKeyPair> nodeKeys) {
    this.dataShards = dataShards;
    Map<String, ECKeyPair> byId = new ConcurrentHashMap<>();
    for (ECKeyPair key : nodeKeys) {
      byId.put(Signatures.address(key), key);
    }
    this.keys = Map.copyOf(byId);
  }

  /** {@code n} deterministic node keys. */
  public static List<ECKeyPair> nodeKeys(int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> ECKeyPair.create(BigInteger.valueOf(0xA9E47L + i)))
        .toList();
  }

  /** Fills {@code out} (its remaining bytes, a multiple of 8) with object bytes from {@code o}. */
  public static void generate(long objectOffset, ByteBuffer out) {
    ByteBuffer le = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long o = objectOffset;
    while (le.remaining() >= 8) {
      le.putLong(o * C ^ SEED);
      o += 8;
    }
    out.position(le.position());
  }

  private static long inverse(long odd) {
    long x = odd; // Newton: x = x (2 - a x), doubling correct low bits each step
    for (int i = 0; i < 6; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }

  private static int shardIndex(ShardId id) {
    String value = id.value();
    return Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
  }

  @Override
  public CompletableFuture<ShardReceipt> put(
      InetSocketAddress node, String nodeId, ShardId id, ShardSpec spec, ShardSource source) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("use putStreaming"));
  }

  @Override
  public CompletableFuture<ShardReceipt> putStreaming(
      InetSocketAddress node,
      String nodeId,
      ShardId id,
      int chunkSize,
      StreamingShardSource source) {
    CompletableFuture<ShardReceipt> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                long size = 0;
                long anchor = -1;
                ByteBuffer data;
                while ((data = source.next()) != null) {
                  if (size == 0 && data.remaining() >= 8) {
                    long word = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong();
                    anchor = (word ^ SEED) * C_INVERSE;
                  }
                  size += data.remaining();
                }
                ShardSpec spec = source.spec();
                boolean isData = shardIndex(id) < dataShards;
                shards.put(id.value(), new Stored(size, anchor, chunkSize, isData));
                ECKeyPair key = keys.get(Signatures.normalizeAddress(nodeId));
                result.complete(ShardReceipt.sign(id, spec.size(), spec.merkleRoot(), key));
              } catch (Exception | Error e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  @Override
  public CompletableFuture<Void> get(
      InetSocketAddress node, String nodeId, ShardId id, Optional<long[]> range, ShardSink sink) {
    Stored stored = shards.get(id.value());
    if (stored == null || !stored.data()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("shard " + id.value() + " is not readable from the fake"));
    }
    long first = range.map(r -> r[0]).orElse(0L);
    long last = range.map(r -> r[1]).orElse(stored.size() - 1);
    CompletableFuture<Void> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024 + 8);
                long chunk = stored.chunkSize();
                long stride = chunk * dataShards;
                long at = first;
                while (at <= last) {
                  long within = at % chunk;
                  long aligned = at - (within % 8);
                  int n = (int) Math.min(Math.min(64 * 1024, chunk - within), last - at + 1);
                  long objectOffset =
                      stored.anchor() + (aligned / chunk) * stride + aligned % chunk;
                  buffer.clear();
                  int words = (int) ((at - aligned + n + 7) / 8);
                  buffer.limit(words * 8);
                  generate(objectOffset, buffer);
                  buffer.position((int) (at - aligned));
                  buffer.limit((int) (at - aligned) + n);
                  sink.onData(buffer).toCompletableFuture().join();
                  at += n;
                }
                result.complete(null);
              } catch (Exception | Error e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  @Override
  public CompletableFuture<Boolean> delete(InetSocketAddress node, String nodeId, ShardId id) {
    return CompletableFuture.completedFuture(shards.remove(id.value()) != null);
  }

  @Override
  public CompletableFuture<ListPage> list(
      InetSocketAddress node, String nodeId, Optional<ShardId> after, int limit) {
    return CompletableFuture.completedFuture(new ListPage(List.of(), Optional.empty()));
  }

  @Override
  public CompletableFuture<Challenge.Answer> challenge(
      InetSocketAddress node, String nodeId, Challenge.Request request) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("no challenges"));
  }

  @Override
  public void close() {}
}
