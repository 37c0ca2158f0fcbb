package network.icn.gateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import network.icn.gateway.auth.RequestHeaders;

/**
 * One per connection. The event loop only enqueues decoded HTTP objects (auto-read is off); the
 * connection's virtual thread serves requests in order and asks the socket for more bytes only when
 * it has consumed what it holds, so a busy object layer holds the client back.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = System.getLogger(ConnectionHandler.class.getName());
  private static final Object CLOSED = new Object();

  private final GatewayHttpServer server;
  private final LinkedBlockingQueue<Object> inbound = new LinkedBlockingQueue<>();

  /** The last response write made by {@link #writeLastAndReadNext} (event loop only). */
  private ChannelFuture lastWrite;

  /** Whether a read for the next request was already asked for (serving thread only). */
  private boolean readRequested;

  private volatile Channel channel;
  private volatile boolean busy;

  ConnectionHandler(GatewayHttpServer server) {
    this.server = server;
  }

  Channel channel() {
    return channel;
  }

  /** Whether a request is being served right now (a drain waits for it). */
  boolean busy() {
    return busy;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    server.opened(this);
    server.connectionThreads().newThread(this::serve).start();
    ctx.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inbound.add(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    inbound.add(CLOSED);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and I/O errors end the connection; the serving thread sees CLOSED.
    ctx.close();
  }

  /**
   * The next inbound object, asking the socket for more when nothing is buffered; inside a body,
   * one buffer ahead (at most one more is ever queued, so the client is still paced by our
   * reading).
   */
  Object next() {
    Object m = inbound.poll();
    if (m == null) {
      if (readRequested) {
        readRequested = false; // the last response's write already asked for the next read
      } else {
        channel.read();
      }
      try {
        m = inbound.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        return CLOSED;
      }
    }
    readRequested = false;
    if (m == CLOSED) {
      inbound.add(CLOSED); // stay closed for every later call
    } else if (m instanceof HttpContent && !(m instanceof LastHttpContent) && inbound.isEmpty()) {
      channel.read(); // prefetch the body's next buffer while this one is processed
    }
    return m;
  }

  /**
   * Writes the last message of a response on a kept-alive connection and asks for the next request,
   * in one event-loop task and without waiting for the write: the serving thread goes straight back
   * to {@link #next()}, which then does not ask again. A failed write closes the channel, and
   * {@link #next()} sees it closed. Saves two hand-offs between the event loop and the serving
   * thread per request.
   */
  void writeLastAndReadNext(Object message) {
    boolean read = inbound.isEmpty();
    try {
      channel
          .eventLoop()
          .execute(
              () -> {
                lastWrite = channel.writeAndFlush(message);
                lastWrite.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                if (read) {
                  channel.read();
                }
              });
    } catch (RejectedExecutionException e) {
      // The event loop is shutting down: the message cannot go out, and the connection ends.
      ReferenceCountUtil.release(message);
      channel.close();
      inbound.add(CLOSED);
      return;
    }
    readRequested = read;
  }

  /** Closes the channel once every response written so far has gone out. */
  private void closeAfterWrites() {
    try {
      channel
          .eventLoop()
          .execute(
              () -> {
                ChannelFuture w = lastWrite;
                if (w != null && !w.isDone()) {
                  w.addListener(ChannelFutureListener.CLOSE);
                } else {
                  channel.close();
                }
              });
    } catch (RejectedExecutionException e) {
      channel.close(); // the event loop is shutting down
    }
  }

  private void serve() {
    try {
      while (true) {
        Object m = next();
        if (m == CLOSED) {
          return;
        }
        if (m instanceof HttpRequest request) {
          busy = true;
          boolean keepAlive;
          try {
            keepAlive = serveOne(request);
          } finally {
            busy = false;
          }
          if (!keepAlive || server.draining()) {
            closeAfterWrites();
            return;
          }
        } else {
          ReferenceCountUtil.release(m); // stray body of a request already answered
        }
      }
    } finally {
      server.closed(this);
      for (Object m = inbound.poll(); m != null; m = inbound.poll()) {
        ReferenceCountUtil.release(m);
      }
    }
  }

  /** Serves one exchange; false when the connection must close. */
  private boolean serveOne(HttpRequest request) {
    long start = System.nanoTime();
    RequestHead head = head(request);
    NettyExchange exchange =
        new NettyExchange(
            this, request, head, server.nextRequestId(), server.hostId(), server.clock());
    try {
      server.handler().handle(exchange);
    } catch (PeerGoneException e) {
      exchange.abort();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "request " + exchange.requestId() + " failed unexpectedly", e);
      if (!exchange.responseStarted()) {
        try {
          exchange.respond(500, new ResponseHeaders(), new byte[0]);
        } catch (PeerGoneException ignored) {
          exchange.abort();
        }
      } else {
        exchange.abort();
      }
    } finally {
      exchange.release();
    }
    if (!exchange.responseEnded()) {
      exchange.abort();
    }
    server
        .observer()
        .completed(
            new ExchangeObserver.Summary(
                exchange.requestId(),
                exchange.operationName(),
                head.method(),
                head.rawPath(),
                exchange.status(),
                exchange.bytesIn(),
                exchange.bytesOut(),
                System.nanoTime() - start,
                remote()));
    return exchange.keepAlive();
  }

  private String remote() {
    return channel.remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : String.valueOf(channel.remoteAddress());
  }

  private static RequestHead head(HttpRequest request) {
    Optional<RequestHead.DecodeFailure> failure = Optional.empty();
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      failure =
          Optional.of(
              cause instanceof TooLongHttpHeaderException
                  ? RequestHead.DecodeFailure.HEADERS_TOO_LARGE
                  : cause instanceof TooLongHttpLineException
                      ? RequestHead.DecodeFailure.REQUEST_LINE_TOO_LONG
                      : cause instanceof TooLongFrameException
                          ? RequestHead.DecodeFailure.HEADERS_TOO_LARGE
                          : RequestHead.DecodeFailure.MALFORMED);
    }
    RequestHeaders.Builder headers = RequestHeaders.builder();
    for (Map.Entry<String, String> e : request.headers()) {
      headers.add(e.getKey(), e.getValue());
    }
    String uri = request.uri();
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      int slash = uri.indexOf('/', uri.indexOf("//") + 2);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    if (!path.startsWith("/")) {
      path = "/" + path;
      failure = failure.or(() -> Optional.of(RequestHead.DecodeFailure.MALFORMED));
    }
    return new RequestHead(request.method().name(), path, query, headers.build(), failure);
  }
}
