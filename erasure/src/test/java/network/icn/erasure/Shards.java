package network.icn.erasure;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/** Test helpers to build, copy and compare shard sets. */
final class Shards {

  private Shards() {}

  static byte[][] random(RandomGenerator rng, int count, int size) {
    byte[][] shards = new byte[count][size];
    for (byte[] shard : shards) {
      rng.nextBytes(shard);
    }
    return shards;
  }

  static byte[][] copy(byte[][] shards) {
    byte[][] out = new byte[shards.length][];
    for (int i = 0; i < shards.length; i++) {
      out[i] = shards[i].clone();
    }
    return out;
  }

  /** Buffers holding the same bytes; direct or heap per {@code direct[i % direct.length]}. */
  static ByteBuffer[] toBuffers(byte[][] shards, boolean... direct) {
    ByteBuffer[] out = new ByteBuffer[shards.length];
    for (int i = 0; i < shards.length; i++) {
      boolean d = direct.length > 0 && direct[i % direct.length];
      ByteBuffer b =
          d ? ByteBuffer.allocateDirect(shards[i].length) : ByteBuffer.allocate(shards[i].length);
      b.put(0, shards[i]);
      out[i] = b;
    }
    return out;
  }

  static byte[][] toArrays(ByteBuffer[] buffers) {
    byte[][] out = new byte[buffers.length][];
    for (int i = 0; i < buffers.length; i++) {
      out[i] = new byte[buffers[i].capacity()];
      buffers[i].duplicate().clear().get(0, out[i]);
    }
    return out;
  }
}
