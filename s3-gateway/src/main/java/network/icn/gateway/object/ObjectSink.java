package network.icn.gateway.object;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Receives an object's bytes in order. A call returns only when the bytes are consumed (written to
 * the socket, copied): that is the read path's back-pressure. {@code data} is valid only during the
 * call.
 */
@FunctionalInterface
public interface ObjectSink {
  void write(ByteBuffer data) throws IOException;

  /** A sink writing to {@code out}. */
  static ObjectSink of(OutputStream out) {
    return data -> {
      if (data.hasArray()) {
        out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
        data.position(data.limit());
      } else {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        out.write(copy);
      }
    };
  }
}
