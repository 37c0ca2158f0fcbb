package network.icn.gateway.object;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

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

  /**
   * {@link #writeOwned(ByteBuffer, Runnable)} for several buffers, in order; {@code release} runs
   * exactly once, when none of them is read any more (also when this throws). This default hands
   * each part to {@link #writeOwned(ByteBuffer, Runnable)} and releases after the last one is
   * released.
   */
  default void writeOwned(ByteBuffer[] parts, Runnable release) throws IOException {
    if (parts.length == 0) {
      release.run();
      return;
    }
    AtomicInteger left = new AtomicInteger(parts.length);
    Runnable one =
        () -> {
          if (left.decrementAndGet() == 0) {
            release.run();
          }
        };
    for (int i = 0; i < parts.length; i++) {
      try {
        writeOwned(parts[i], one);
      } catch (IOException | RuntimeException | Error e) {
        for (int j = i + 1; j < parts.length; j++) {
          one.run(); // parts never handed over
        }
        throw e;
      }
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
