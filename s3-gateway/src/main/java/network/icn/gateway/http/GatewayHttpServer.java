package network.icn.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The S3 front end's HTTP/1.1 server: keep-alive, {@code Expect: 100-continue}, streamed bodies
 * both ways with back-pressure, one virtual thread per connection (the event loops never block).
 */
public final class GatewayHttpServer implements AutoCloseable {
  /**
   * Socket reads of up to 256 KiB (Netty's adaptive default stops at 64 KiB): a large body arrives
   * in fewer buffers, so fewer hand-offs between the event loop and the request's virtual thread.
   */
  private static final RecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 256 * 1024);

  /**
   * Server settings.
   *
   * @param maxHeaderBytes the request header section limit (larger → the handler sees {@link
   *     RequestHead.DecodeFailure#HEADERS_TOO_LARGE})
   * @param maxInitialLineBytes the request line limit (the URI holds keys of up to 1 KiB, encoded)
   * @param ioThreads Netty event loop threads
   * @param idleTimeout idle connections are closed after this long
   */
  public record Settings(
      int maxHeaderBytes, int maxInitialLineBytes, int ioThreads, Duration idleTimeout) {
    public Settings {
      if (maxHeaderBytes < 1024 || maxInitialLineBytes < 1024 || ioThreads < 1) {
        throw new IllegalArgumentException("limits too small: " + maxHeaderBytes);
      }
      Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** 8 KiB of headers (as S3), 16 KiB request line, 2 I/O threads, 5 min idle. */
    public static Settings defaults() {
      return new Settings(8 * 1024, 16 * 1024, 2, Duration.ofMinutes(5));
    }
  }

  private final HttpHandler handler;
  private final ExchangeObserver observer;
  private final Clock clock;
  private final String idPrefix;
  private final String hostId;
  private final AtomicLong requestCounter = new AtomicLong();
  private final ThreadFactory connectionThreads =
      Thread.ofVirtual().name("s3-connection-", 0).factory();
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Set<ConnectionHandler> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean draining;
  private Channel serverChannel;

  private GatewayHttpServer(
      HttpHandler handler,
      ExchangeObserver observer,
      Clock clock,
      RandomGenerator random,
      int ioThreads) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idPrefix = HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
    byte[] host = new byte[24];
    random.nextBytes(host);
    this.hostId = Base64.getEncoder().encodeToString(host);
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
  }

  /** Binds {@code address} (port 0 picks a free port) and starts serving. */
  public static GatewayHttpServer start(
      HttpHandler handler,
      ExchangeObserver observer,
      InetSocketAddress address,
      Settings settings,
      Clock clock,
      RandomGenerator random) {
    GatewayHttpServer server =
        new GatewayHttpServer(handler, observer, clock, random, settings.ioThreads());
    server.bind(address, settings);
    return server;
  }

  private void bind(InetSocketAddress address, Settings settings) {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    ch.pipeline()
                        .addLast(
                            new IdleStateHandler(
                                0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .addLast(
                            new HttpServerCodec(
                                new HttpDecoderConfig()
                                    .setMaxInitialLineLength(settings.maxInitialLineBytes())
                                    .setMaxHeaderSize(settings.maxHeaderBytes())
                                    .setMaxChunkSize(256 * 1024)))
                        .addLast(new ConnectionHandler(GatewayHttpServer.this));
                  }
                });
    try {
      serverChannel = bootstrap.bind(address).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while binding " + address, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  HttpHandler handler() {
    return handler;
  }

  ExchangeObserver observer() {
    return observer;
  }

  Clock clock() {
    return clock;
  }

  ThreadFactory connectionThreads() {
    return connectionThreads;
  }

  String hostId() {
    return hostId;
  }

  /** 16 upper-case hex digits, unique in this process, like S3's request ids. */
  String nextRequestId() {
    return idPrefix
        + HexFormat.of().withUpperCase().toHexDigits((int) requestCounter.incrementAndGet());
  }

  void opened(ConnectionHandler connection) {
    connections.add(connection);
    if (draining) {
      connection.channel().close();
    }
  }

  void closed(ConnectionHandler connection) {
    connections.remove(connection);
  }

  /** True once {@link #shutdown} began: connections close after their current request. */
  boolean draining() {
    return draining;
  }

  /** Connections whose serving thread has not ended yet. */
  public int openConnections() {
    return connections.size();
  }

  /**
   * Graceful stop: stops accepting, closes idle keep-alive connections, lets requests in flight
   * finish (their connections close after the response) for up to {@code grace}, then cuts what is
   * left and stops the event loops.
   *
   * @return true when every request in flight finished within {@code grace}
   */
  public boolean shutdown(Duration grace) {
    draining = true;
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    boolean drained = false;
    while (true) {
      for (ConnectionHandler c : connections) {
        if (!c.busy()) {
          c.channel().close();
        }
      }
      if (connections.isEmpty()) {
        drained = true;
        break;
      }
      if (System.nanoTime() - deadline >= 0) {
        break;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopNow();
    return drained;
  }

  /** Stops at once: requests in flight are cut ({@link #shutdown} drains them first). */
  @Override
  public void close() {
    draining = true;
    stopNow();
  }

  private void stopNow() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    channels.close().awaitUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
