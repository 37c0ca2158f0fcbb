package network.icn.agent.client.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.RequestSigning;
import network.icn.agent.client.ShardHeaders;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.http.ShardHttpServer;
import org.web3j.crypto.ECKeyPair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link AgentClient} over Netty: a bounded pool of keep-alive HTTP/1.1 connections per node,
 * {@code autoRead} off so bytes are read only as fast as the caller consumes them, and an idle
 * timeout that fails a call when nothing moves.
 */
public final class NettyAgentClient implements AgentClient {
  /** Client tuning. */
  public record Settings(
      int ioThreads, int maxConnectionsPerNode, Duration connectTimeout, Duration idleTimeout) {
    public Settings {
      if (ioThreads <= 0 || maxConnectionsPerNode <= 0) {
        throw new IllegalArgumentException("thread and connection counts must be positive");
      }
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public static Settings defaults() {
      return new Settings(2, 16, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The largest body buffer the response decoder hands over (Netty's default is 8 KiB): a socket
   * read of a streamed shard becomes one buffer, not a run of 8 KiB slices, each with its own sink
   * call and completion.
   */
  private static final int MAX_CONTENT_BYTES = 256 * 1024;

  private final ECKeyPair key;
  private final Clock clock;
  private final Settings settings;
  private final EventLoopGroup group;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final AbstractChannelPoolMap<InetSocketAddress, FixedChannelPool> pools;

  public NettyAgentClient(ECKeyPair gatewayKey, Clock clock, Settings settings) {
    this.key = Objects.requireNonNull(gatewayKey, "gatewayKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), NioIoHandler.newFactory());
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.RCVBUF_ALLOCATOR, ShardHttpServer.READS)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
    this.pools =
        new AbstractChannelPoolMap<>() {
          @Override
          protected FixedChannelPool newPool(InetSocketAddress node) {
            return new FixedChannelPool(
                bootstrap.clone().remoteAddress(node),
                new AbstractChannelPoolHandler() {
                  @Override
                  public void channelCreated(Channel ch) {
                    ch.pipeline()
                        .addLast(
                            new IdleStateHandler(
                                0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .addLast(
                            new HttpClientCodec(
                                new HttpDecoderConfig().setMaxChunkSize(MAX_CONTENT_BYTES),
                                HttpClientCodec.DEFAULT_PARSE_HTTP_AFTER_CONNECT_REQUEST,
                                HttpClientCodec.DEFAULT_FAIL_ON_MISSING_RESPONSE))
                        .addLast(new ClientCallHandler());
                  }
                },
                ChannelHealthChecker.ACTIVE,
                FixedChannelPool.AcquireTimeoutAction.FAIL,
                settings.connectTimeout().toMillis() * 2,
                settings.maxConnectionsPerNode(),
                10_000);
          }
        };
  }

  @Override
  public CompletableFuture<ShardReceipt> put(
      InetSocketAddress node, String nodeId, ShardId id, ShardSpec spec, ShardSource source) {
    String target = "/shards/" + id.value();
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, target);
    sign(request, node, nodeId, id.value(), spec.size());
    HttpUtil.setContentLength(request, spec.size());
    request.headers().set(ShardHeaders.CHUNK_SIZE, spec.chunkSize());
    request.headers().set(ShardHeaders.CHUNK_CRC32C, spec.chunkCrcs().toBase64());
    request.headers().set(ShardHeaders.MERKLE_ROOT, spec.merkleRoot().hex());
    ClientCall call = ClientCall.buffered(64 * 1024);
    acquire(node, call)
        .thenAccept(
            ch ->
                senders.execute(
                    () ->
                        streamBody(
                            ch,
                            call,
                            request,
                            spec.size(),
                            source,
                            () -> LastHttpContent.EMPTY_LAST_CONTENT)));
    return call.body().thenApply(NettyAgentClient::receiptOf);
  }

  @Override
  public CompletableFuture<ShardReceipt> putStreaming(
      InetSocketAddress node,
      String nodeId,
      ShardId id,
      int chunkSize,
      StreamingShardSource source) {
    String target = "/shards/" + id.value();
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, target);
    sign(request, node, nodeId, id.value(), RequestSigning.CHUNKED);
    HttpUtil.setTransferEncodingChunked(request, true);
    request.headers().set(ShardHeaders.CHUNK_SIZE, chunkSize);
    request
        .headers()
        .set(
            HttpHeaderNames.TRAILER,
            String.join(
                ", ",
                ShardHeaders.SHARD_SIZE,
                ShardHeaders.CHUNK_CRC32C,
                ShardHeaders.MERKLE_ROOT));
    ClientCall call = ClientCall.buffered(64 * 1024);
    ShardSource bytes = source::next;
    acquire(node, call)
        .thenAccept(
            ch ->
                senders.execute(
                    () ->
                        streamBody(
                            ch,
                            call,
                            request,
                            Long.MAX_VALUE,
                            bytes,
                            () -> trailer(source, chunkSize))));
    return call.body().thenApply(NettyAgentClient::receiptOf);
  }

  private static LastHttpContent trailer(StreamingShardSource source, int chunkSize) {
    ShardSpec spec = source.spec();
    if (spec == null || spec.chunkSize() != chunkSize) {
      throw new AgentException(
          AgentError.BAD_REQUEST, "the source's spec does not use chunk size " + chunkSize);
    }
    LastHttpContent last = new DefaultLastHttpContent();
    last.trailingHeaders().set(ShardHeaders.SHARD_SIZE, spec.size());
    last.trailingHeaders().set(ShardHeaders.CHUNK_CRC32C, spec.chunkCrcs().toBase64());
    last.trailingHeaders().set(ShardHeaders.MERKLE_ROOT, spec.merkleRoot().hex());
    return last;
  }

  private static ShardReceipt receiptOf(byte[] body) {
    JsonNode json = JSON.readTree(body);
    return new ShardReceipt(
        new ShardId(json.path("shardId").asString()),
        json.path("size").asLong(),
        new MerkleRoot(json.path("merkleRoot").asString()),
        json.path("nodeId").asString(),
        json.path("signature").asString());
  }

  /** Produces the message that ends the body (may compute it from the source, so may throw). */
  @FunctionalInterface
  private interface Ending {
    LastHttpContent get() throws Exception;
  }

  private void streamBody(
      Channel ch, ClientCall call, HttpRequest request, long size, ShardSource source, Ending end) {
    try {
      ChannelFuture previous = ch.write(request);
      ch.read(); // an early error answer (409, 507, 401) may arrive while we send
      long sent = 0;
      while (!call.isDone()) {
        ByteBuffer next = source.next();
        if (next == null) {
          break;
        }
        int n = next.remaining();
        if (sent + n > size) {
          throw new AgentException(AgentError.BAD_REQUEST, "source yields more than the spec size");
        }
        ByteBuf copy = ch.alloc().directBuffer(n).writeBytes(next);
        ChannelFuture current = ch.writeAndFlush(new DefaultHttpContent(copy));
        sent += n;
        previous.awaitUninterruptibly();
        if (!previous.isSuccess()) {
          break; // the connection failed; the handler reports why
        }
        previous = current;
      }
      if (!call.isDone()) {
        LastHttpContent last = end.get();
        ch.writeAndFlush(last);
        call.requestWritten();
      }
    } catch (AgentException e) {
      call.fail(e);
      ch.close();
    } catch (Exception e) {
      call.fail(
          new AgentException(AgentError.UNAVAILABLE, "shard source failed: " + e.getMessage(), e));
      ch.close();
    }
  }

  @Override
  public CompletableFuture<Void> get(
      InetSocketAddress node, String nodeId, ShardId id, Optional<long[]> range, ShardSink sink) {
    String target = "/shards/" + id.value();
    HttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
    range.ifPresent(
        r -> request.headers().set(HttpHeaderNames.RANGE, "bytes=" + r[0] + "-" + r[1]));
    ClientCall call = ClientCall.streaming(sink);
    send(node, nodeId, call, request, id.value());
    return call.body().thenApply(ignored -> null);
  }

  @Override
  public CompletableFuture<Boolean> delete(InetSocketAddress node, String nodeId, ShardId id) {
    HttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.DELETE, "/shards/" + id);
    ClientCall call = ClientCall.buffered(64 * 1024);
    send(node, nodeId, call, request, id.value());
    return call.body()
        .handle(
            (ok, failure) -> {
              if (failure == null) {
                return true;
              }
              if (unwrap(failure) instanceof AgentException e
                  && e.error() == AgentError.NOT_FOUND) {
                return false;
              }
              throw new java.util.concurrent.CompletionException(unwrap(failure));
            });
  }

  @Override
  public CompletableFuture<ListPage> list(
      InetSocketAddress node, String nodeId, Optional<ShardId> after, int limit) {
    String target =
        "/shards?limit="
            + limit
            + after
                .map(a -> "&after=" + URLEncoder.encode(a.value(), StandardCharsets.UTF_8))
                .orElse("");
    HttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
    ClientCall call = ClientCall.buffered(16 * 1024 * 1024);
    send(node, nodeId, call, request, null);
    return call.body()
        .thenApply(
            body -> {
              JsonNode json = JSON.readTree(body);
              List<ListedShard> shards = new ArrayList<>();
              for (JsonNode s : json.path("shards").values()) {
                shards.add(
                    new ListedShard(
                        new ShardId(s.path("shardId").asString()),
                        s.path("size").asLong(),
                        new MerkleRoot(s.path("merkleRoot").asString())));
              }
              JsonNode next = json.path("next");
              return new ListPage(
                  shards,
                  next.isNull() || next.isMissingNode()
                      ? Optional.empty()
                      : Optional.of(new ShardId(next.asString())));
            });
  }

  @Override
  public CompletableFuture<Challenge.Answer> challenge(
      InetSocketAddress node, String nodeId, Challenge.Request challenge) {
    byte[] body = challenge.toJson();
    DefaultFullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            "/challenges",
            io.netty.buffer.Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    ClientCall call = ClientCall.buffered(16 * 1024 * 1024);
    send(node, nodeId, call, request, null);
    return call.body().thenApply(Challenge.Answer::fromJson);
  }

  private void send(
      InetSocketAddress node, String nodeId, ClientCall call, HttpRequest request, String shardId) {
    long length =
        request instanceof DefaultFullHttpRequest full ? full.content().readableBytes() : 0;
    sign(request, node, nodeId, shardId, length);
    HttpUtil.setContentLength(request, length);
    acquire(node, call)
        .thenAccept(
            ch -> {
              call.requestWritten();
              ch.writeAndFlush(request)
                  .addListener(
                      f -> {
                        if (f.isSuccess()) {
                          ch.read();
                        } else {
                          call.fail(
                              new AgentException(
                                  AgentError.UNAVAILABLE,
                                  "cannot send to " + node + ": " + f.cause().getMessage()));
                          ch.close();
                        }
                      });
            });
  }

  private void sign(
      HttpRequest request, InetSocketAddress node, String nodeId, String shardId, long length) {
    RequestSigning.SignedHeaders signed =
        RequestSigning.sign(
            key, nodeId, request.method().name(), request.uri(), shardId, length, clock.millis());
    request.headers().set(HttpHeaderNames.HOST, node.getHostString() + ":" + node.getPort());
    request.headers().set(RequestSigning.CALLER, signed.caller());
    request.headers().set(RequestSigning.TIMESTAMP, signed.timestampMillis());
    request.headers().set(RequestSigning.SIGNATURE, signed.signature());
  }

  /** Acquires a pooled connection and binds {@code call} to it; completes with the channel. */
  private CompletableFuture<Channel> acquire(InetSocketAddress node, ClientCall call) {
    FixedChannelPool pool = pools.get(node);
    CompletableFuture<Channel> acquired = new CompletableFuture<>();
    pool.acquire()
        .addListener(
            (Future<Channel> f) -> {
              if (!f.isSuccess()) {
                call.fail(
                    new AgentException(
                        AgentError.UNAVAILABLE,
                        "cannot connect to " + node + ": " + f.cause().getMessage(),
                        f.cause()));
                return;
              }
              Channel ch = f.getNow();
              call.bind(ch, pool);
              ch.attr(ClientCallHandler.CALL).set(call);
              acquired.complete(ch);
            });
    return acquired;
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }

  @Override
  public void close() {
    pools.close();
    senders.shutdownNow();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
