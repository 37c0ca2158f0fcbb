package network.icn.agent.http;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import network.icn.agent.auth.RequestAuthenticator;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.RequestSigning;
import network.icn.agent.metrics.AgentMetrics;

/**
 * Serves one request: route, authenticate, dispatch to the operation's handler, translate {@link
 * AgentException}s into JSON errors, record metrics and write one access-log line.
 */
public final class ShardApi {
  /**
   * The access log names its source to java.util.logging (where System.Logger output ends up
   * anyway), so no stack walk looks for the caller of every line; the output is the same.
   */
  private static final java.util.logging.Logger ACCESS =
      java.util.logging.Logger.getLogger("network.icn.agent.access");

  private static final Logger LOG = System.getLogger(ShardApi.class.getName());

  private final Executor executor;
  private final RequestAuthenticator authenticator;
  private final AgentMetrics metrics;
  private final ShardWriteHandler writes;
  private final ShardReadHandler reads;
  private final NodeHandler node;
  private final RandomGenerator random;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();

  public ShardApi(
      Executor executor,
      RequestAuthenticator authenticator,
      AgentMetrics metrics,
      ShardWriteHandler writes,
      ShardReadHandler reads,
      NodeHandler node,
      RandomGenerator random) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.node = Objects.requireNonNull(node, "node");
    this.random = Objects.requireNonNull(random, "random");
  }

  Executor executor() {
    return executor;
  }

  void startDraining() {
    draining.set(true);
    node.startDraining();
  }

  boolean awaitIdle(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Serves one request; returns whether the connection may carry another. */
  boolean serve(ConnectionHandler connection, HttpRequest request) {
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    String requestId;
    synchronized (random) {
      requestId = HexFormat.of().toHexDigits(random.nextLong());
    }
    Exchange ex = new Exchange(connection, request, requestId, draining.get());
    Route route =
        request.decoderResult().isSuccess()
            ? Route.parse(request.method(), request.uri())
            : new Route.Invalid(400, "malformed HTTP request");
    String caller = "-";
    String failure = null;
    try {
      if (!(route instanceof Route.Health
          || route instanceof Route.Metrics
          || route instanceof Route.Invalid)) {
        caller = authenticate(request, route);
      }
      dispatch(ex, route);
    } catch (AgentException e) {
      failure = e.error().name();
      if (e.error() == AgentError.IO_ERROR) {
        metrics.diskError();
        LOG.log(Level.WARNING, "request " + requestId + " failed: " + e.getMessage(), e);
      }
      ex.fail(e.error(), e.getMessage());
    } catch (Exchange.PeerGone e) {
      failure = "PEER_GONE";
      ex.abort();
    } catch (RuntimeException e) {
      failure = "INTERNAL";
      LOG.log(Level.ERROR, "request " + requestId + " failed unexpectedly", e);
      try {
        ex.fail(AgentError.IO_ERROR, "internal error");
      } catch (Exchange.PeerGone gone) {
        ex.abort();
      }
    } finally {
      long nanos = System.nanoTime() - start;
      int status = ex.status() == 0 ? 499 : ex.status();
      metrics.request(route.operation(), status, nanos);
      String who = caller;
      String why = failure;
      ACCESS.logp(
          java.util.logging.Level.INFO,
          ShardApi.class.getName(),
          "serve",
          () ->
              String.format(
                  "%s %s %s %s %d %d %.1fms caller=%s%s",
                  requestId,
                  connection.channel().remoteAddress(),
                  request.method(),
                  request.uri(),
                  status,
                  ex.bytesSent(),
                  nanos / 1e6,
                  who,
                  failureText(why)));
      if (inFlight.decrementAndGet() == 0) {
        synchronized (idle) {
          idle.notifyAll();
        }
      }
    }
    return ex.keepAlive() && !"PEER_GONE".equals(failure) && !"INTERNAL".equals(failure);
  }

  private String authenticate(HttpRequest request, Route route) {
    long contentLength =
        HttpUtil.isTransferEncodingChunked(request)
            ? RequestSigning.CHUNKED
            : HttpUtil.getContentLength(request, 0L);
    return authenticator.authenticate(
        new RequestAuthenticator.Claim(
            request.method().name(),
            request.uri(),
            route.shardId(),
            contentLength,
            request.headers().get(RequestSigning.CALLER),
            request.headers().get(RequestSigning.TIMESTAMP),
            request.headers().get(RequestSigning.SIGNATURE)));
  }

  private void dispatch(Exchange ex, Route route) {
    switch (route) {
      case Route.PutShard(var id) -> writes.put(ex, id);
      case Route.GetShard(var id) -> reads.get(ex, id, false);
      case Route.HeadShard(var id) -> reads.get(ex, id, true);
      case Route.DeleteShard(var id) -> node.delete(ex, id);
      case Route.ListShards(var after, var limit) -> node.list(ex, after, limit);
      case Route.AnswerChallenges() -> node.challenges(ex);
      case Route.Health() -> node.health(ex);
      case Route.Metrics() -> node.metrics(ex);
      case Route.Invalid(var status, var message) -> {
        ex.readBody(0);
        ex.respondJson(
            status,
            "{\"error\":\"BAD_REQUEST\",\"message\":"
                + Json.quote(message)
                + ",\"requestId\":\""
                + ex.requestId()
                + "\"}");
      }
    }
  }

  private static String failureText(String failure) {
    return failure == null ? "" : " error=" + failure;
  }
}
