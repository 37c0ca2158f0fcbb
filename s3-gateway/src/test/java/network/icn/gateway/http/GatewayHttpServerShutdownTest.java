package network.icn.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link GatewayHttpServer#shutdown}: stop accepting, drain requests in flight, cut at the end. */
@Timeout(60)
final class GatewayHttpServerShutdownTest {

  /** Echoes the body length; {@code bodyStarted} opens when it begins reading. */
  private static GatewayHttpServer server(CountDownLatch bodyStarted) {
    HttpHandler handler =
        exchange -> {
          exchange.operation("Test");
          bodyStarted.countDown();
          long n = exchange.readBody(b -> b.position(b.limit()));
          exchange.respond(
              200, new ResponseHeaders(), Long.toString(n).getBytes(StandardCharsets.UTF_8));
        };
    return GatewayHttpServer.start(
        handler,
        summary -> {},
        new InetSocketAddress("127.0.0.1", 0),
        GatewayHttpServer.Settings.defaults(),
        Clock.systemUTC(),
        new SplittableRandom(1));
  }

  private static void sendHead(OutputStream out, int contentLength) throws IOException {
    out.write(
        ("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: " + contentLength + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void shutdownLetsARequestInFlightFinishThenClosesItsConnection() throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    GatewayHttpServer server = server(bodyStarted);
    int port = server.address().getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      sendHead(out, 10);
      out.write("hello".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertTrue(bodyStarted.await(10, TimeUnit.SECONDS));

      CompletableFuture<Boolean> drained =
          CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(20)));
      // New connections are refused once the listener is closed.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean refused = false;
      while (!refused && System.nanoTime() < until) {
        try (Socket probe = new Socket()) {
          probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
          Thread.sleep(20);
        } catch (ConnectException e) {
          refused = true;
        }
      }
      assertTrue(refused, "the listener still accepts during shutdown");
      assertFalse(drained.isDone(), "shutdown did not wait for the request in flight");

      out.write("world".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readAll(socket.getInputStream()); // ends: the connection is closed after
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.endsWith("10"), response);
      assertTrue(drained.get(20, TimeUnit.SECONDS));
    } finally {
      server.close();
    }
  }

  @Test
  void idleKeepAliveConnectionsCloseAtOnce() throws Exception {
    GatewayHttpServer server = server(new CountDownLatch(1));
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(30_000);
      sendHead(socket.getOutputStream(), 2);
      socket.getOutputStream().write("ab".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[4096];
      int n = in.read(buf); // the response; the connection stays open (keep-alive)
      assertTrue(new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));

      long start = System.nanoTime();
      assertTrue(server.shutdown(Duration.ofSeconds(20)));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "waited for idle");
      assertEquals(-1, in.read());
      assertEquals(0, server.openConnections());
    } finally {
      server.close();
    }
  }

  @Test
  void aRequestStillRunningAtTheDeadlineIsCut() throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    GatewayHttpServer server = server(bodyStarted);
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(30_000);
      sendHead(socket.getOutputStream(), 1000);
      assertTrue(bodyStarted.await(10, TimeUnit.SECONDS));
      assertFalse(server.shutdown(Duration.ofMillis(300)));
      String response = readAll(socket.getInputStream());
      assertFalse(response.startsWith("HTTP/1.1 200"), response);
      assertThrows(
          IOException.class,
          () -> {
            try (Socket late = new Socket()) {
              late.connect(server.address(), 1000);
            }
          });
    } finally {
      server.close();
    }
  }
}
