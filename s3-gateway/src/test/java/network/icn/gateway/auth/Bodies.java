package network.icn.gateway.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** Test helpers: a sink that keeps what a decoder emits, and feeding in slices of any size. */
final class Bodies {
  private Bodies() {}

  /** Collects emitted slices (copying them, since they are views valid during the call). */
  static final class Collector implements Consumer<ByteBuffer> {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public void accept(ByteBuffer slice) {
      byte[] copy = new byte[slice.remaining()];
      slice.get(copy);
      out.writeBytes(copy);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** Feeds {@code wire} in slices of {@code sliceSize} bytes, then finishes. */
  static byte[] decode(AuthenticatedRequest request, byte[] wire, int sliceSize) {
    Collector collector = new Collector();
    BodyDecoder decoder = request.openBody(collector);
    feed(decoder, wire, sliceSize);
    decoder.finish();
    return collector.bytes();
  }

  static void feed(BodyDecoder decoder, byte[] wire, int sliceSize) {
    for (int i = 0; i < wire.length; i += sliceSize) {
      ByteBuffer slice = ByteBuffer.wrap(wire, i, Math.min(sliceSize, wire.length - i));
      decoder.feed(slice);
      if (slice.hasRemaining()) {
        throw new AssertionError("decoder left bytes unconsumed");
      }
    }
  }

  static byte[] repeat(char c, int n) {
    byte[] out = new byte[n];
    java.util.Arrays.fill(out, (byte) c);
    return out;
  }
}
