package network.icn.erasure.stripe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.merkle.MerkleTreeBuilder;

/**
 * An optional {@link StripeSink} decorator that computes, per shard, the size, the Merkle root and
 * the list of chunk CRC32Cs while stripes flow to the downstream sink. Use it when the encoder's
 * caller should hash; leave it out when hashing happens elsewhere (for example on the agent).
 *
 * <pre>{@code
 * ShardDigester digester = new ShardDigester(scheme, uploadSink);
 * StripeEncoder encoder = new StripeEncoder(scheme, codec, digester);
 * ... encoder.write(...) ...
 * ShardLayout layout = encoder.finish();
 * List<ShardDigest> shards = digester.finish();
 * }</pre>
 *
 * <p>Memory: one {@link MerkleTreeBuilder} per shard (O(log n) each) plus 4 bytes per chunk for the
 * CRC lists. Not thread-safe.
 */
public final class ShardDigester implements StripeSink {

  private static final StripeSink DISCARD = stripe -> {};

  private final StripeSink downstream;
  private final MerkleTreeBuilder[] trees;
  private final long[] sizes;
  private final int[][] crcs;
  private int stripes;

  /** A digester that only digests (no downstream sink). */
  public ShardDigester(ErasureScheme scheme) {
    this(scheme, DISCARD);
  }

  /** A digester that passes every stripe on to {@code downstream} after hashing it. */
  public ShardDigester(ErasureScheme scheme, StripeSink downstream) {
    Objects.requireNonNull(scheme, "scheme");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    int shards = scheme.totalShards();
    this.trees = new MerkleTreeBuilder[shards];
    for (int i = 0; i < shards; i++) {
      trees[i] = new MerkleTreeBuilder();
    }
    this.sizes = new long[shards];
    this.crcs = new int[shards][16];
  }

  @Override
  public void accept(EncodedStripe stripe) {
    if (stripe.shardCount() != trees.length) {
      throw new IllegalArgumentException(
          "stripe has " + stripe.shardCount() + " chunks, digester expects " + trees.length);
    }
    if (stripes == crcs[0].length) {
      for (int i = 0; i < crcs.length; i++) {
        crcs[i] = Arrays.copyOf(crcs[i], stripes * 2);
      }
    }
    for (int i = 0; i < trees.length; i++) {
      trees[i].update(stripe.chunkForHashing(i));
      sizes[i] += stripe.chunkLength();
      crcs[i][stripes] = stripe.crc(i);
    }
    stripes++;
    downstream.accept(stripe);
  }

  /** The digests of all k + m shards, in shard order; then {@link #reset()} before reuse. */
  public List<ShardDigest> finish() {
    List<ShardDigest> digests = new ArrayList<>(trees.length);
    for (int i = 0; i < trees.length; i++) {
      digests.add(
          new ShardDigest(i, sizes[i], trees[i].finish(), ChunkCrcs.copyOf(crcs[i], stripes)));
    }
    return List.copyOf(digests);
  }

  /** Forgets everything; ready for the next segment. */
  public void reset() {
    for (MerkleTreeBuilder tree : trees) {
      tree.reset();
    }
    Arrays.fill(sizes, 0);
    stripes = 0;
  }
}
