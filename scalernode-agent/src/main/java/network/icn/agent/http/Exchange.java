package network.icn.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;

/**
 * One request/response on a connection, driven from the connection's virtual thread. Reads body
 * buffers on demand (back-pressure), writes responses with at most two body buffers in flight.
 */
final class Exchange {
  /** Thrown when the peer went away mid-exchange. */
  static final class PeerGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PeerGone() {
      super("connection closed by peer", null, false, false);
    }
  }

  private final ConnectionHandler connection;
  private final Channel channel;
  private final HttpRequest request;
  private final String requestId;
  private final boolean draining;
  private boolean bodyComplete;
  private boolean responseStarted;
  private boolean keepAlive;
  private int status;
  private long bytesSent;
  private ChannelFuture inFlight;

  Exchange(ConnectionHandler connection, HttpRequest request, String requestId, boolean draining) {
    this.connection = connection;
    this.channel = connection.channel();
    this.request = request;
    this.requestId = requestId;
    this.draining = draining;
    this.keepAlive = HttpUtil.isKeepAlive(request) && !draining;
  }

  HttpRequest request() {
    return request;
  }

  String requestId() {
    return requestId;
  }

  int status() {
    return status;
  }

  long bytesSent() {
    return bytesSent;
  }

  boolean keepAlive() {
    return keepAlive && bodyComplete;
  }

  boolean responseStarted() {
    return responseStarted;
  }

  /** The next body buffer; the caller releases it. Ends with a {@link LastHttpContent}. */
  HttpContent nextContent() {
    if (bodyComplete) {
      return LastHttpContent.EMPTY_LAST_CONTENT;
    }
    Object m = connection.next();
    if (m instanceof HttpContent content) {
      if (content instanceof LastHttpContent) {
        bodyComplete = true;
      }
      return content;
    }
    throw new PeerGone();
  }

  /** Reads the whole body, refusing more than {@code limit} bytes. */
  byte[] readBody(int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!bodyComplete) {
      HttpContent c = nextContent();
      try {
        ByteBuf buf = c.content();
        if (out.size() + buf.readableBytes() > limit) {
          throw new AgentException(
              AgentError.BAD_REQUEST, "request body larger than " + limit + " bytes");
        }
        buf.readBytes(out, buf.readableBytes());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } finally {
        c.release();
      }
    }
    return out.toByteArray();
  }

  /** Answers with {@code Connection: close} and ends the connection after this exchange. */
  void closeAfterResponse() {
    keepAlive = false;
  }

  void sendContinue() {
    channel.writeAndFlush(
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
  }

  void respondJson(int code, String json) {
    respond(code, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
  }

  void respond(int code, String contentType, byte[] body, HttpHeaders extra) {
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code), Unpooled.wrappedBuffer(body));
    if (extra != null) {
      response.headers().set(extra);
    }
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    finishHeaders(response, code);
    awaitWrite(channel.writeAndFlush(response));
  }

  /** Answers an error with a JSON body {@code {"error":CODE,"message":...,"requestId":...}}. */
  void fail(AgentError error, String message) {
    if (responseStarted) {
      abort();
      return;
    }
    if (!bodyComplete) {
      keepAlive = false; // the unread body would be taken for the next request
    }
    respondJson(
        error.httpStatus(),
        "{\"error\":\""
            + error.name()
            + "\",\"message\":"
            + Json.quote(message)
            + ",\"requestId\":\""
            + requestId
            + "\"}");
  }

  /** Starts a streamed response whose length is known. */
  void startResponse(int code, HttpHeaders headers, long contentLength) {
    HttpResponse response =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
    response.headers().set(headers);
    HttpUtil.setContentLength(response, contentLength);
    finishHeaders(response, code);
    inFlight = channel.write(response);
  }

  /** Writes one body buffer (ownership passes to Netty), keeping at most two in flight. */
  void writeContent(ByteBuf buf) {
    int n = buf.readableBytes();
    ChannelFuture previous = inFlight;
    inFlight = channel.writeAndFlush(new DefaultHttpContent(buf));
    bytesSent += n;
    if (previous != null) {
      awaitWrite(previous);
    }
  }

  void finishResponse() {
    awaitWrite(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    inFlight = null;
  }

  /** Cuts the connection mid-response: the peer sees a short body, never wrong bytes. */
  void abort() {
    keepAlive = false;
    bodyComplete = false;
    channel.close();
  }

  private void finishHeaders(HttpResponse response, int code) {
    responseStarted = true;
    status = code;
    response.headers().set("x-icn-request-id", requestId);
    if (!keepAlive || !bodyComplete) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  private static void awaitWrite(ChannelFuture future) {
    future.awaitUninterruptibly();
    if (!future.isSuccess()) {
      throw new PeerGone();
    }
  }

  io.netty.buffer.ByteBufAllocator connectionAllocator() {
    return channel.alloc();
  }

  boolean draining() {
    return draining;
  }
}
