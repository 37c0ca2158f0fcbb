package network.icn.gateway.object;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Receives an object's bytes in order. A call returns only when the bytes are consumed (written to
 * the socket, copied) or, for {@link #writeOwned}, when the sink can take more: that is the read
 * path's back-pressure.
 */
@FunctionalInterface
public interface ObjectSink {
  /** Consumes {@code data}'s remaining bytes; {@code data} is valid only during the call. */
  void write(ByteBuffer data) throws IOException;

  /**
   * Consumes {@code data}'s remaining bytes and takes ownership of the buffer, so a sink can send
   * it without copying: {@code release} runs exactly once when nothing reads {@code data} any more,
   * possibly after this returns and on another thread, and also when this throws. Until then the
   * caller must not change the bytes. This default writes with {@link #write} and then releases.
   */
  default void writeOwned(ByteBuffer data, Runnable release) throws IOException {
    try {
      write(data);
    } finally {
      release.run();
    }
  }

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
