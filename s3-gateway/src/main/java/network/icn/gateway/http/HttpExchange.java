package network.icn.gateway.http;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request and its response, driven from the connection's virtual thread. Netty-free: this is
 * all the S3 layer sees of HTTP. Every response carries {@code x-amz-request-id}, {@code
 * x-amz-id-2} and {@code Date}.
 */
public interface HttpExchange {
  RequestHead request();

  /** The id sent as {@code x-amz-request-id}. */
  String requestId();

  /** The operation name for the access log and metrics (AWS operation names). */
  void operation(String name);

  /** Sends {@code 100 Continue} if the client asked for it and it was not sent yet. */
  void continueIfExpected();

  /**
   * Streams the request body into {@code consumer} one slice at a time; the next slice is read from
   * the socket only after the consumer returned (back-pressure). A slice is valid only during the
   * call. Sends {@code 100 Continue} first when expected.
   *
   * @return the body bytes read
   * @throws PeerGoneException when the client disconnects before the body ends
   */
  long readBody(Consumer<ByteBuffer> consumer);

  /** Reads a small body whole; empty if it is longer than {@code limit} bytes. */
  Optional<byte[]> readSmallBody(int limit);

  /** A complete response with a small body. */
  void respond(int status, ResponseHeaders headers, byte[] body);

  /**
   * Starts a streamed response of {@code contentLength} bytes; follow with {@link #writeBody} and
   * {@link #endResponse()}. For HEAD, call {@link #endResponse()} right away.
   */
  void startResponse(int status, ResponseHeaders headers, long contentLength);

  /**
   * Writes (copies) response bytes. Blocks while more than 1 MiB of earlier writes is still on its
   * way to the socket.
   */
  void writeBody(ByteBuffer data);

  /**
   * Writes {@code data}'s remaining bytes without copying: the socket reads them from {@code data}
   * itself, so they must not change until {@code onWritten} runs. It runs exactly once, when the
   * write completed or failed: usually later, on another thread; also when this throws. Blocks as
   * {@link #writeBody(ByteBuffer)} does.
   */
  void writeBodyOwned(ByteBuffer data, Runnable onWritten);

  /**
   * {@link #writeBodyOwned(ByteBuffer, Runnable)} for several buffers sent in this order as one
   * write; {@code onWritten} runs once for all of them.
   */
  void writeBodyOwned(ByteBuffer[] parts, Runnable onWritten);

  void endResponse();

  boolean responseStarted();

  /** Cuts the connection: a response already started ends short, never with wrong bytes. */
  void abort();
}
