package network.icn.agent.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/**
 * Checks a shard's bytes against its spec while they stream in. With a spec declared up front, each
 * chunk's CRC32C is checked as soon as the chunk is complete; when the spec arrives only at the end
 * (HTTP trailers), the CRC32Cs are computed on the way and compared at {@link #finish}. Either way
 * the total size and (unless disabled) the Merkle root are checked at the end. Not thread-safe; one
 * per write.
 */
final class IncomingShardVerifier {
  private final ShardSpec declared;
  private final int chunkSize;
  private final ShardMerkle.RootBuilder merkle;
  private final CRC32C crc = new CRC32C();
  private int[] computed = new int[16];
  private long received;
  private int chunk;
  private int inChunk;

  private IncomingShardVerifier(ShardSpec declared, int chunkSize, ShardMerkle.RootBuilder merkle) {
    this.declared = declared;
    this.chunkSize = chunkSize;
    this.merkle = merkle;
  }

  /**
   * Verifies against a spec known before the first byte.
   *
   * @param merkle a root builder, or {@code null} to skip Merkle verification (trusted mode)
   */
  static IncomingShardVerifier declared(ShardSpec spec, ShardMerkle.RootBuilder merkle) {
    return new IncomingShardVerifier(
        Objects.requireNonNull(spec, "spec"), spec.chunkSize(), merkle);
  }

  /**
   * Computes CRC32Cs (and the Merkle root) now, to compare with a spec given at {@link #finish}.
   *
   * @param merkle a root builder, or {@code null} to skip Merkle verification (trusted mode)
   */
  static IncomingShardVerifier deferred(int chunkSize, ShardMerkle.RootBuilder merkle) {
    if (chunkSize < ShardSpec.MIN_CHUNK_SIZE || chunkSize > ShardSpec.MAX_CHUNK_SIZE) {
      throw new AgentException(AgentError.BAD_REQUEST, "chunk size out of range: " + chunkSize);
    }
    return new IncomingShardVerifier(null, chunkSize, merkle);
  }

  /** Bytes received so far. */
  long received() {
    return received;
  }

  /** Chunks begun so far (the last may be partial): the CRC table entries a file would need. */
  long chunksStarted() {
    return (received + chunkSize - 1) / chunkSize;
  }

  /** Verifies {@code data} without consuming it (its position is unchanged). */
  void update(ByteBuffer data) {
    ByteBuffer view = data.duplicate();
    if (declared != null && received + view.remaining() > declared.size()) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH,
          "received more than the declared " + declared.size() + " bytes");
    }
    if (merkle != null) {
      merkle.update(view.duplicate());
    }
    while (view.hasRemaining()) {
      int chunkLength = declared != null ? declared.chunkLength(chunk) : chunkSize;
      int take = Math.min(view.remaining(), chunkLength - inChunk);
      ByteBuffer part = view.slice(view.position(), take);
      crc.update(part);
      view.position(view.position() + take);
      inChunk += take;
      received += take;
      if (inChunk == chunkLength) {
        completeChunk();
      }
    }
  }

  private void completeChunk() {
    int actual = (int) crc.getValue();
    if (declared != null) {
      if (actual != declared.chunkCrcs().get(chunk)) {
        throw damaged(chunk);
      }
    } else {
      if (chunk == computed.length) {
        computed = Arrays.copyOf(computed, computed.length * 2);
      }
      computed[chunk] = actual;
    }
    crc.reset();
    chunk++;
    inChunk = 0;
  }

  /** Checks the end of the stream against the up-front spec. */
  void finish() {
    finish(declared);
  }

  /**
   * Checks the end of the stream against {@code spec}: all bytes arrived, the chunking and every
   * CRC32C agree, and the Merkle root matches. With an up-front spec, {@code spec} must be it.
   */
  void finish(ShardSpec spec) {
    Objects.requireNonNull(spec, "spec");
    if (declared != null && !declared.equals(spec)) {
      throw new IllegalArgumentException("a declared write commits with its declared spec");
    }
    if (received != spec.size()) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH,
          "received " + received + " of the declared " + spec.size() + " bytes");
    }
    if (declared == null) {
      if (spec.chunkSize() != chunkSize) {
        throw new AgentException(
            AgentError.CHECKSUM_MISMATCH,
            "the trailer's chunk size " + spec.chunkSize() + " differs from " + chunkSize);
      }
      if (inChunk > 0) {
        completeChunk();
      }
      for (int i = 0; i < chunk; i++) {
        if (computed[i] != spec.chunkCrcs().get(i)) {
          throw damaged(i);
        }
      }
    }
    if (merkle != null && !merkle.root().equals(spec.merkleRoot())) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH, "the recomputed Merkle root differs from the declared one");
    }
  }

  private static AgentException damaged(int chunk) {
    return new AgentException(
        AgentError.CHECKSUM_MISMATCH,
        "chunk " + chunk + " failed its CRC32C: the bytes were damaged in transit");
  }
}
