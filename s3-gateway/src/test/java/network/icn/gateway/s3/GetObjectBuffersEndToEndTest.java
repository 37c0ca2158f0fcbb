package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import network.icn.gateway.s3.RawHttp.Response;
import network.icn.gateway.shard.DirectBufferPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * GetObject writes the object's chunk buffers to the socket without copying: they return to the
 * read pool when their writes complete, or fail because the client left or the read failed
 * mid-body. Netty's leak detector runs at PARANOID for this class (a leak logs {@code LEAK:}). 4+2
 * with 64 KiB chunks and 1 MiB segments.
 */
@Timeout(120)
class GetObjectBuffersEndToEndTest {
  private static final int CHUNK = 64 * 1024;
  private static final int STRIPE = 4 * CHUNK;

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static RawHttp http;
  static DirectBufferPool pool;
  static byte[] body;
  static ResourceLeakDetector.Level leakLevel;

  @BeforeAll
  static void start() throws Exception {
    leakLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    gateway = new S3TestGateway(dir);
    http = new RawHttp(gateway.port(), S3TestGateway.KEY_1, S3TestGateway.SECRET_1);
    pool = gateway.cluster.context().readBuffers();
    assertEquals(200, http.send(http.sign(SdkHttpMethod.PUT, "/buffers", Map.of(), null)).status());
    body = new byte[(12 << 20) + 4321]; // 13 segments, a short last stripe
    new SplittableRandom(77).nextBytes(body);
    assertEquals(
        200, http.send(http.sign(SdkHttpMethod.PUT, "/buffers/big", Map.of(), body)).status());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (leakLevel != null) {
      ResourceLeakDetector.setLevel(leakLevel);
    }
  }

  @AfterEach
  void heal() throws Exception {
    for (var agent : gateway.cluster.agents()) {
      agent.start();
    }
    // A restarted agent serves again once the gateway reaches it: wait for that, so that the next
    // test does not start against agents that are still coming back.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (get(null).status() != 200) {
      assertTrue(System.nanoTime() < deadline, "the object is readable again after a restart");
      Thread.sleep(100);
    }
    assertAllBuffersReturned();
  }

  /** Waits until every read buffer is back in the pool (the last releases run on the loop). */
  private static void assertAllBuffersReturned() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (pool.outstanding() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, pool.outstanding(), "read buffers not returned to the pool");
  }

  private static Response get(String range) {
    Map<String, String> headers = range == null ? Map.of() : Map.of("Range", "bytes=" + range);
    return http.send(http.sign(SdkHttpMethod.GET, "/buffers/big", headers, null));
  }

  /** Sends a GET of the whole object on a socket the test reads at its own pace. */
  private static Socket startGet() throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(64 * 1024);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.port()));
    socket.setSoTimeout(30_000);
    socket
        .getOutputStream()
        .write(http.sign(SdkHttpMethod.GET, "/buffers/big", Map.of(), null).head());
    return socket;
  }

  /** Reads the response head and then {@code n} body bytes; returns the Content-Length. */
  private static long readHeadAndSome(InputStream in, int n) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertTrue(b >= 0, "no response head");
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    assertTrue(text.startsWith("HTTP/1.1 200"), text);
    in.readNBytes(n);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:") + "content-length:".length();
    return Long.parseLong(lower.substring(at, lower.indexOf("\r\n", at)).strip());
  }

  @Test
  void getAndRangedGetsAreByteExact() throws Exception {
    Response whole = get(null);
    assertEquals(200, whole.status());
    assertArrayEquals(body, whole.body());
    long[][] ranges = {
      {CHUNK - 5, CHUNK + 4}, // two chunks
      {STRIPE - 100, 3 * STRIPE + 99}, // four stripes, partial at both ends
      {(1 << 20) - 1, (1 << 20)}, // two segments, one byte each
      {body.length - 5000, body.length - 1}, // the short last stripe
    };
    for (long[] r : ranges) {
      Response part = get(r[0] + "-" + r[1]);
      assertEquals(206, part.status());
      assertArrayEquals(
          Arrays.copyOfRange(body, (int) r[0], (int) r[1] + 1),
          part.body(),
          "range " + r[0] + "-" + r[1]);
    }
    assertAllBuffersReturned();
  }

  @Test
  void aClientThatDisconnectsMidBodyLeavesNoBufferOut() throws Exception {
    try (Socket socket = startGet()) {
      readHeadAndSome(socket.getInputStream(), 3 * STRIPE + 17);
      socket.setSoLinger(true, 0); // RST with the gateway mid-body, blocked on a full socket
    }
    assertAllBuffersReturned();
    assertArrayEquals(body, get(null).body(), "the gateway serves the next GET");
    assertAllBuffersReturned();
  }

  @Test
  void aReadThatFailsMidBodyCutsTheResponseAndLeavesNoBufferOut() throws Exception {
    long received;
    long length;
    try (Socket socket = startGet()) {
      InputStream in = socket.getInputStream();
      length = readHeadAndSome(in, STRIPE);
      // Three of six shards of every later segment are gone: the read fails where the buffered
      // data ends, and the gateway cuts the connection.
      gateway.cluster.stopAgents(0, 2, 4);
      received = STRIPE + drain(in);
    }
    assertEquals(body.length, length);
    assertTrue(received < length, "received " + received + " of " + length);
    assertAllBuffersReturned();
  }

  /** Reads until the gateway closes (or resets) the connection; returns the bytes read. */
  private static long drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    try {
      for (int r; (r = in.read(buffer)) >= 0; ) {
        n += r;
      }
    } catch (IOException e) {
      // reset: what arrived before counts
    }
    return n;
  }
}
