package network.icn.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link HttpExchange} over a Netty channel whose reads are requested by its virtual thread. */
final class NettyExchange implements HttpExchange {
  /**
   * Response bytes that may be on their way to the socket when a body write returns: two of the
   * read path's 1 MiB stripes (each one write, from the chunk buffers themselves), so the socket
   * always has the next stripe queued while the reader gathers the one after.
   */
  static final long MAX_IN_FLIGHT_BYTES = 2 << 20;

  /** A body write not known to be complete. */
  private record Pending(ChannelFuture future, int bytes) {}

  private final ConnectionHandler connection;
  private final Channel channel;
  private final HttpRequest request;
  private final RequestHead head;
  private final String requestId;
  private final String hostId;
  private final Clock clock;
  private final boolean hasBody;
  private final boolean expectContinue;
  private boolean keepAlive;
  private boolean bodyComplete;
  private boolean continueSent;
  private boolean responseStarted;
  private boolean responseEnded;
  private int status;
  private long bytesIn;
  private long bytesOut;
  private String operation = "-";
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private long inFlightBytes;

  NettyExchange(
      ConnectionHandler connection,
      HttpRequest request,
      RequestHead head,
      String requestId,
      String hostId,
      Clock clock) {
    this.connection = connection;
    this.channel = connection.channel();
    this.request = request;
    this.head = head;
    this.requestId = requestId;
    this.hostId = hostId;
    this.clock = clock;
    this.hasBody =
        HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    this.expectContinue = HttpUtil.is100ContinueExpected(request);
    this.keepAlive = HttpUtil.isKeepAlive(request) && head.failure().isEmpty();
    // Only the decoder's invalid-message stand-in is a full request (we aggregate nothing).
    this.bodyComplete = request instanceof LastHttpContent;
  }

  @Override
  public RequestHead request() {
    return head;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public void operation(String name) {
    operation = name;
  }

  String operationName() {
    return operation;
  }

  int status() {
    return status;
  }

  long bytesIn() {
    return bytesIn;
  }

  long bytesOut() {
    return bytesOut;
  }

  boolean keepAlive() {
    return keepAlive && bodyComplete && responseEnded;
  }

  boolean responseEnded() {
    return responseEnded;
  }

  @Override
  public void continueIfExpected() {
    if (expectContinue && !continueSent && !bodyComplete && !responseStarted) {
      continueSent = true;
      channel.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
  }

  private HttpContent nextContent() {
    Object m = connection.next();
    if (m instanceof HttpContent content) {
      if (content.decoderResult().isFailure()) {
        content.release();
        keepAlive = false;
        throw new PeerGoneException("malformed request body: " + content.decoderResult().cause());
      }
      if (content instanceof LastHttpContent) {
        bodyComplete = true;
      }
      return content;
    }
    keepAlive = false;
    throw new PeerGoneException("connection closed by the client during the request body");
  }

  @Override
  public long readBody(Consumer<ByteBuffer> consumer) {
    continueIfExpected();
    long total = 0;
    while (!bodyComplete) {
      HttpContent content = nextContent();
      try {
        ByteBuf buf = content.content();
        int n = buf.readableBytes();
        bytesIn += n;
        total += n;
        if (n > 0) {
          for (ByteBuffer slice : buf.nioBuffers()) {
            consumer.accept(slice);
          }
        }
      } finally {
        content.release();
      }
    }
    return total;
  }

  @Override
  public Optional<byte[]> readSmallBody(int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean[] tooLarge = {false};
    readBody(
        slice -> {
          if (tooLarge[0] || out.size() + slice.remaining() > limit) {
            tooLarge[0] = true;
            slice.position(slice.limit());
            return;
          }
          byte[] bytes = new byte[slice.remaining()];
          slice.get(bytes);
          out.writeBytes(bytes);
        });
    return tooLarge[0] ? Optional.empty() : Optional.of(out.toByteArray());
  }

  @Override
  public void respond(int code, ResponseHeaders headers, byte[] body) {
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code), Unpooled.wrappedBuffer(body));
    copyHeaders(headers, response);
    HttpUtil.setContentLength(response, body.length);
    finishHeaders(response, code);
    bytesOut += body.length;
    responseEnded = true;
    writeLast(response);
  }

  @Override
  public void startResponse(int code, ResponseHeaders headers, long contentLength) {
    HttpResponse response =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
    copyHeaders(headers, response);
    HttpUtil.setContentLength(response, contentLength);
    finishHeaders(response, code);
    // Flushed with the first body buffer, which later writes wait for.
    channel.write(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  @Override
  public void writeBody(ByteBuffer data) {
    if (!responseStarted || responseEnded) {
      throw new IllegalStateException("no streamed response in progress");
    }
    int n = data.remaining();
    if (n == 0) {
      return;
    }
    ByteBuf buf = channel.alloc().buffer(n);
    buf.writeBytes(data);
    send(buf, n);
    awaitRoom();
  }

  @Override
  public void writeBodyOwned(ByteBuffer data, Runnable onWritten) {
    writeBodyOwned(new ByteBuffer[] {data}, onWritten);
  }

  @Override
  public void writeBodyOwned(ByteBuffer[] parts, Runnable onWritten) {
    try {
      if (!responseStarted || responseEnded) {
        throw new IllegalStateException("no streamed response in progress");
      }
      int n = 0;
      for (ByteBuffer part : parts) {
        n += part.remaining();
      }
      if (n == 0) {
        onWritten.run();
        return;
      }
      // Wrappers over the parts' memory, not copies; releasing them does not free the parts. The
      // listener is attached before the write, so it runs once, on the event loop, when the write
      // completes or fails.
      ByteBuf body =
          parts.length == 1 ? Unpooled.wrappedBuffer(parts[0]) : Unpooled.wrappedBuffer(parts);
      ChannelPromise promise = channel.newPromise();
      promise.addListener(ignored -> onWritten.run());
      send(body, n, promise);
    } catch (RuntimeException | Error e) {
      onWritten.run();
      throw e;
    }
    awaitRoom();
  }

  /** Writes one body buffer and notes it in flight. */
  private ChannelFuture send(ByteBuf buf, int n) {
    return send(buf, n, channel.newPromise());
  }

  private ChannelFuture send(ByteBuf buf, int n, ChannelPromise promise) {
    ChannelFuture future = channel.writeAndFlush(new DefaultHttpContent(buf), promise);
    bytesOut += n;
    inFlight.add(new Pending(future, n));
    inFlightBytes += n;
    return future;
  }

  /** Waits for the oldest writes while more than {@link #MAX_IN_FLIGHT_BYTES} are in flight. */
  private void awaitRoom() {
    while (inFlight.size() > 1 && inFlightBytes > MAX_IN_FLIGHT_BYTES) {
      Pending oldest = inFlight.poll();
      inFlightBytes -= oldest.bytes();
      awaitWrite(oldest.future());
    }
  }

  @Override
  public void endResponse() {
    boolean failed = false;
    for (Pending pending : inFlight) {
      failed |= pending.future().isDone() && !pending.future().isSuccess();
    }
    inFlight.clear();
    inFlightBytes = 0;
    responseEnded = true;
    if (failed) {
      keepAlive = false;
      throw new PeerGoneException("connection closed by the client during the response");
    }
    writeLast(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  /**
   * The response's last message. On a connection that stays open, sent without waiting (the next
   * request is read meanwhile; writes keep their order, and a failed one closes the channel);
   * otherwise awaited, so that closing the connection cannot cut it short.
   */
  private void writeLast(Object message) {
    if (keepAlive()) {
      connection.writeLastAndReadNext(message);
    } else {
      awaitWrite(channel.writeAndFlush(message));
    }
  }

  @Override
  public boolean responseStarted() {
    return responseStarted;
  }

  @Override
  public void abort() {
    keepAlive = false;
    channel.close();
  }

  /** Releases the full-request stand-in the decoder makes for invalid messages. */
  void release() {
    if (request instanceof LastHttpContent full) {
      full.release();
    }
  }

  private static void copyHeaders(ResponseHeaders headers, HttpResponse response) {
    for (Map.Entry<String, String> e : headers.entries()) {
      response.headers().add(e.getKey(), e.getValue());
    }
  }

  /**
   * Before answering: a body the handler did not read is either nothing (read its end marker) or
   * would be taken for the next request, so the connection closes after this response.
   */
  private void settleRequestBody() {
    if (bodyComplete || !keepAlive) {
      return;
    }
    if (!hasBody) {
      while (!bodyComplete) {
        nextContent().release();
      }
    } else {
      keepAlive = false;
    }
  }

  private void finishHeaders(HttpResponse response, int code) {
    if (responseStarted) {
      throw new IllegalStateException("response already started");
    }
    try {
      settleRequestBody();
    } catch (PeerGoneException e) {
      keepAlive = false;
    }
    responseStarted = true;
    status = code;
    response.headers().set("x-amz-request-id", requestId);
    response.headers().set("x-amz-id-2", hostId);
    response
        .headers()
        .set(
            HttpHeaderNames.DATE,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
    response.headers().set(HttpHeaderNames.SERVER, "ICN");
    response
        .headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
  }

  private void awaitWrite(ChannelFuture future) {
    future.awaitUninterruptibly();
    if (!future.isSuccess()) {
      keepAlive = false;
      throw new PeerGoneException("connection closed by the client during the response");
    }
  }
}
