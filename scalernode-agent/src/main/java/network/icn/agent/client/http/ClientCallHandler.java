package network.icn.agent.client.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;

/** Routes a pooled connection's responses to the call currently bound to it. */
final class ClientCallHandler extends ChannelInboundHandlerAdapter {
  static final AttributeKey<ClientCall> CALL = AttributeKey.valueOf("icn.agent.call");

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ClientCall call = ctx.channel().attr(CALL).get();
    if (call == null) {
      ReferenceCountUtil.release(msg);
      ctx.close(); // nothing asked for this
      return;
    }
    boolean readMore = true;
    if (msg instanceof HttpResponse response) {
      if (response.status().code() == 100) {
        ReferenceCountUtil.release(msg);
        ctx.read();
        return;
      }
      if (!response.decoderResult().isSuccess()) {
        ReferenceCountUtil.release(msg);
        call.fail(new AgentException(AgentError.PROTOCOL_ERROR, "malformed response"));
        return;
      }
      call.onResponse(response);
    }
    if (msg instanceof HttpContent content) {
      readMore = call.onContent(content);
    }
    if (readMore) {
      ctx.read();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ClientCall call = ctx.channel().attr(CALL).get();
    if (call != null) {
      call.onClosed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      ClientCall call = ctx.channel().attr(CALL).get();
      if (call != null) {
        call.fail(new AgentException(AgentError.TIMEOUT, "no progress within the idle timeout"));
      }
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ClientCall call = ctx.channel().attr(CALL).get();
    if (call != null) {
      call.fail(
          new AgentException(AgentError.UNAVAILABLE, "connection failed: " + cause.getMessage()));
    }
    ctx.close();
  }
}
