package network.icn.agent.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One per connection. The event loop only enqueues decoded HTTP objects; a virtual thread serves
 * the requests in order and asks for more bytes ({@code channel.read()}) only when it has consumed
 * what it has, so a slow disk or a slow caller never makes memory grow.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Object CLOSED = new Object();

  private final ShardApi api;
  private final LinkedBlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
  private volatile Channel channel;

  ConnectionHandler(ShardApi api) {
    this.api = api;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    api.executor().execute(this::serve);
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
    // Resets and decoder failures end the connection; the serving thread sees CLOSED.
    ctx.close();
  }

  /** The next inbound object, requesting more bytes from the socket when none is buffered. */
  Object next() {
    Object m = inbound.poll();
    if (m == null) {
      channel.read();
      try {
        m = inbound.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        return CLOSED;
      }
    }
    if (m == CLOSED) {
      inbound.add(CLOSED); // stay closed for every later call
    } else if (m instanceof HttpContent && !(m instanceof LastHttpContent) && inbound.isEmpty()) {
      channel.read(); // prefetch the next buffer while this one is processed
    }
    return m;
  }

  private void serve() {
    try {
      while (true) {
        Object m = next();
        if (m == CLOSED) {
          return;
        }
        if (m instanceof HttpRequest request) {
          if (!api.serve(this, request)) {
            channel.close();
            return;
          }
        } else {
          ReferenceCountUtil.release(m); // stray body of a request already answered
        }
      }
    } finally {
      for (Object m = inbound.poll(); m != null; m = inbound.poll()) {
        ReferenceCountUtil.release(m);
      }
    }
  }
}
