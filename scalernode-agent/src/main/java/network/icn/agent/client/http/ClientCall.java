package network.icn.agent.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import tools.jackson.databind.JsonNode;

/**
 * One request on a pooled connection: collects or streams the response, turns error responses into
 * {@link AgentException}s, and gives the connection back to the pool exactly once (closed unless
 * the exchange ended cleanly with keep-alive).
 */
final class ClientCall {
  private static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final AgentClient.ShardSink sink;
  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Channel channel;
  private ChannelPool pool;
  private HttpResponse response;
  private boolean requestWritten;
  private boolean responseComplete;
  private boolean released;
  private long expected = -1;
  private long received;

  private ClientCall(AgentClient.ShardSink sink, int limit) {
    this.sink = sink;
    this.limit = limit;
  }

  static ClientCall buffered(int limit) {
    return new ClientCall(null, limit);
  }

  static ClientCall streaming(AgentClient.ShardSink sink) {
    return new ClientCall(sink, 0);
  }

  CompletableFuture<byte[]> body() {
    return body;
  }

  boolean isDone() {
    return body.isDone();
  }

  synchronized void bind(Channel ch, ChannelPool p) {
    channel = ch;
    pool = p;
    if (body.isDone()) {
      releaseChannel(false);
    }
  }

  synchronized void requestWritten() {
    requestWritten = true;
  }

  synchronized void onResponse(HttpResponse r) {
    response = r;
    expected = HttpUtil.getContentLength(r, -1L);
  }

  private boolean success() {
    return response != null && response.status().code() / 100 == 2;
  }

  /** Handles a body buffer (releases it). Returns true if the handler should read more now. */
  boolean onContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    ByteBuf buf = content.content();
    int n = buf.readableBytes();
    synchronized (this) {
      if (response == null || body.isDone()) {
        content.release();
        return false;
      }
      received += n;
      if (last) {
        responseComplete = true;
      }
    }
    if (sink == null || !success()) {
      int cap = success() ? limit : ERROR_BODY_LIMIT;
      try {
        if (buffer.size() + n > cap) {
          fail(new AgentException(AgentError.PROTOCOL_ERROR, "response body over " + cap));
          return false;
        }
        buf.readBytes(buffer, n);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } finally {
        content.release();
      }
      if (last) {
        finish();
        return false;
      }
      return true;
    }
    if (n == 0) {
      content.release();
      if (last) {
        finish();
        return false;
      }
      return true;
    }
    sink.onData(buf.nioBuffer())
        .whenComplete(
            (ok, failure) -> {
              content.release();
              if (failure != null) {
                fail(
                    new AgentException(
                        AgentError.UNAVAILABLE, "sink failed: " + failure.getMessage(), failure));
              } else if (last) {
                finish();
              } else {
                channel.read();
              }
            });
    return false;
  }

  private void finish() {
    HttpResponse r;
    synchronized (this) {
      r = response;
    }
    if (expected >= 0 && received != expected) {
      fail(
          new AgentException(
              AgentError.UNAVAILABLE, "short response: " + received + " of " + expected));
      return;
    }
    if (success()) {
      boolean keepAlive = HttpUtil.isKeepAlive(r);
      synchronized (this) {
        releaseChannel(keepAlive && requestWritten);
      }
      body.complete(buffer.toByteArray());
    } else {
      synchronized (this) {
        releaseChannel(false);
      }
      body.completeExceptionally(errorOf(r.status().code(), buffer.toByteArray()));
    }
  }

  /** The connection ended. */
  void onClosed() {
    synchronized (this) {
      if (responseComplete || body.isDone()) {
        return;
      }
    }
    fail(
        new AgentException(
            AgentError.UNAVAILABLE, "connection closed before the response was complete"));
  }

  void fail(AgentException e) {
    synchronized (this) {
      releaseChannel(false);
    }
    body.completeExceptionally(e);
  }

  private void releaseChannel(boolean reusable) {
    if (released || channel == null) {
      return;
    }
    released = true;
    channel.attr(ClientCallHandler.CALL).set(null);
    if (!reusable) {
      channel.close();
    }
    pool.release(channel);
  }

  static AgentException errorOf(int status, byte[] body) {
    String message = "agent answered HTTP " + status;
    AgentError error = null;
    try {
      JsonNode json = NettyAgentClient.JSON.readTree(body);
      message = json.path("message").asString(message);
      error = AgentError.valueOf(json.path("error").asString(""));
    } catch (RuntimeException e) {
      // Not our JSON: fall back to the status.
    }
    if (error == null) {
      error = AgentError.PROTOCOL_ERROR;
      for (AgentError candidate : AgentError.values()) {
        if (candidate.httpStatus() == status) {
          error = candidate;
          break;
        }
      }
    }
    return new AgentException(error, message);
  }
}
