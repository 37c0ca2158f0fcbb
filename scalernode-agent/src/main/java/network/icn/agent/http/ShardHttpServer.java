package network.icn.agent.http;

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
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The shard API's HTTP/1.1 server. {@link #start} binds; {@link #stop} stops accepting, lets
 * in-flight requests finish within a deadline, then closes every connection.
 */
public final class ShardHttpServer implements AutoCloseable {
  /**
   * Socket reads of up to 256 KiB (Netty's adaptive default stops at 64 KiB): a streamed shard
   * arrives in fewer, larger buffers, so there are fewer hand-offs between the event loop and the
   * request's thread and fewer file writes. The agent client reads the same way.
   */
  public static final RecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 256 * 1024);

  private final ShardApi api;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private Channel serverChannel;

  private ShardHttpServer(ShardApi api, int ioThreads) {
    this.api = api;
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
  }

  /**
   * Binds {@code address} (port 0 picks a free port) and starts serving.
   *
   * @param maxHeaderBytes bounds the request headers; the chunk CRC list is a header
   * @param idleTimeout connections idle this long are closed
   */
  public static ShardHttpServer start(
      ShardApi api,
      InetSocketAddress address,
      int ioThreads,
      int maxHeaderBytes,
      Duration idleTimeout) {
    ShardHttpServer server = new ShardHttpServer(api, ioThreads);
    server.bind(address, maxHeaderBytes, idleTimeout);
    return server;
  }

  private void bind(InetSocketAddress address, int maxHeaderBytes, Duration idleTimeout) {
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
                                0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                        .addLast(
                            new HttpServerCodec(
                                new HttpDecoderConfig()
                                    .setMaxInitialLineLength(8192)
                                    .setMaxHeaderSize(maxHeaderBytes)
                                    .setMaxChunkSize(256 * 1024)))
                        .addLast(new ConnectionHandler(api));
                  }
                });
    try {
      serverChannel = bootstrap.bind(address).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /**
   * Graceful stop: stop accepting, let in-flight requests finish for up to {@code deadline}, then
   * close all connections and the event loops. Returns true if nothing was cut off.
   */
  public boolean stop(Duration deadline) {
    api.startDraining();
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    boolean clean = api.awaitIdle(deadline);
    channels.close().awaitUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    return clean;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}
