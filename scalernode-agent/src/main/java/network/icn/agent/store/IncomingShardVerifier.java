package network.icn.agent.store;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32C;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ShardMerkle;

/**
 * Checks a shard's bytes against its declared spec while they stream in: each chunk's CRC32C as
 * soon as the chunk is complete, the total size, and (unless disabled) the Merkle root at the end.
 * Not thread-safe; one per write.
 */
final class IncomingShardVerifier {
  private final ShardSpec spec;
  private final ShardMerkle.RootBuilder merkle;
  private final CRC32C crc = new CRC32C();
  private long received;
  private int chunk;
  private int inChunk;

  /**
   * @param merkle a root builder, or {@code null} to skip Merkle verification (trusted mode)
   */
  IncomingShardVerifier(ShardSpec spec, ShardMerkle.RootBuilder merkle) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.merkle = merkle;
  }

  /** Verifies {@code data} without consuming it (its position is unchanged). */
  void update(ByteBuffer data) {
    ByteBuffer view = data.duplicate();
    if (received + view.remaining() > spec.size()) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH,
          "received more than the declared " + spec.size() + " bytes");
    }
    if (merkle != null) {
      merkle.update(view.duplicate());
    }
    while (view.hasRemaining()) {
      int chunkLength = spec.chunkLength(chunk);
      int take = Math.min(view.remaining(), chunkLength - inChunk);
      ByteBuffer part = view.slice(view.position(), take);
      crc.update(part);
      view.position(view.position() + take);
      inChunk += take;
      received += take;
      if (inChunk == chunkLength) {
        int actual = (int) crc.getValue();
        if (actual != spec.chunkCrcs().get(chunk)) {
          throw new AgentException(
              AgentError.CHECKSUM_MISMATCH,
              "chunk " + chunk + " failed its CRC32C: the bytes were damaged in transit");
        }
        crc.reset();
        chunk++;
        inChunk = 0;
      }
    }
  }

  /** Checks the end of the stream: all bytes arrived and the Merkle root matches. */
  void finish() {
    if (received != spec.size()) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH,
          "received " + received + " of the declared " + spec.size() + " bytes");
    }
    if (merkle != null && !merkle.root().equals(spec.merkleRoot())) {
      throw new AgentException(
          AgentError.CHECKSUM_MISMATCH, "the recomputed Merkle root differs from the declared one");
    }
  }
}
