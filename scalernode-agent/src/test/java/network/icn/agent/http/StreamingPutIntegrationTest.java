package network.icn.agent.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.MerkleRoot;
import network.icn.agent.client.RequestSigning;
import network.icn.agent.client.ShardHeaders;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.testing.AgentFixture;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT /shards/{id}} with a chunked body and the spec in HTTP trailers. */
final class StreamingPutIntegrationTest {
  private static final int CHUNK = 64 * 1024;
  @TempDir Path dir;
  private AgentFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new AgentFixture(dir.resolve("a"));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static AgentError errorOf(ExecutionException e) {
    return ((AgentException) e.getCause()).error();
  }

  private static ShardSpec specOf(byte[] data) {
    return TestShards.spec(data, CHUNK, new ErasureShardMerkle());
  }

  private void assertNothingKept(String id, long usedBefore) throws Exception {
    // The agent cleans up after it answers (or after it sees the connection cut): allow a moment.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long temps;
      try (var list = Files.list(dir.resolve("a").resolve("tmp"))) {
        temps = list.count();
      }
      var usage = fx.agent.store().usage();
      if (temps == 0 && usage.reservedBytes() == 0) {
        assertEquals(usedBefore, usage.usedBytes());
        assertTrue(fx.agent.store().stat(new ShardId(id)).isEmpty());
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(temps + " temp files and " + usage + " left behind");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void streamedMultiChunkShardGetsAVerifiableReceiptAndReadsBack() throws Exception {
    byte[] data = TestShards.bytes(7 * CHUNK + 321, 1);
    ShardSpec spec = specOf(data);
    ShardReceipt receipt = fx.putStreaming("streamed", data, spec).get(30, TimeUnit.SECONDS);
    assertTrue(receipt.verify());
    assertEquals(fx.nodeId(), receipt.nodeId());
    assertEquals(data.length, receipt.size());
    assertEquals(spec.merkleRoot(), receipt.merkleRoot());
    assertEquals(spec, fx.agent.store().stat(new ShardId("streamed")).orElseThrow().spec());
    assertArrayEquals(data, fx.get("streamed", Optional.empty()).get(10, TimeUnit.SECONDS));
    assertEquals(0, fx.agent.store().usage().reservedBytes());
  }

  @Test
  void streamedRePutIsIdempotentAndADifferentShardConflicts() throws Exception {
    byte[] data = TestShards.bytes(3 * CHUNK, 2);
    fx.putStreaming("twice", data, specOf(data)).get(30, TimeUnit.SECONDS);
    long used = fx.agent.store().usage().usedBytes();
    ShardReceipt again = fx.putStreaming("twice", data, specOf(data)).get(30, TimeUnit.SECONDS);
    assertTrue(again.verify());
    assertEquals(used, fx.agent.store().usage().usedBytes());
    byte[] other = TestShards.bytes(3 * CHUNK, 3);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> fx.putStreaming("twice", other, specOf(other)).get(30, TimeUnit.SECONDS));
    assertEquals(AgentError.CONFLICT, errorOf(e));
    assertEquals(used, fx.agent.store().usage().usedBytes());
  }

  @Test
  void wrongCrcInTheTrailerIs400AndNothingKept() throws Exception {
    byte[] data = TestShards.bytes(4 * CHUNK, 4);
    ShardSpec good = specOf(data);
    int[] crcs = new int[good.chunkCount()];
    for (int i = 0; i < crcs.length; i++) {
      crcs[i] = good.chunkCrcs().get(i);
    }
    crcs[2] ^= 1;
    ShardSpec bad = new ShardSpec(good.size(), CHUNK, ChunkChecksums.of(crcs), good.merkleRoot());
    assertRejected("bad-crc", data, bad, AgentError.CHECKSUM_MISMATCH);
  }

  @Test
  void wrongMerkleRootInTheTrailerIs400AndNothingKept() throws Exception {
    byte[] data = TestShards.bytes(2 * CHUNK + 5, 5);
    ShardSpec good = specOf(data);
    ShardSpec bad =
        new ShardSpec(good.size(), CHUNK, good.chunkCrcs(), new MerkleRoot("ab".repeat(32)));
    assertRejected("bad-root", data, bad, AgentError.CHECKSUM_MISMATCH);
  }

  @Test
  void wrongSizeInTheTrailerIs400AndNothingKept() throws Exception {
    byte[] data = TestShards.bytes(2 * CHUNK + 5, 6);
    ShardSpec good = specOf(data);
    ShardSpec bad = new ShardSpec(good.size() - 1, CHUNK, good.chunkCrcs(), good.merkleRoot());
    assertRejected("bad-size", data, bad, AgentError.CHECKSUM_MISMATCH);
  }

  private void assertRejected(String id, byte[] data, ShardSpec trailer, AgentError expected)
      throws Exception {
    long used = fx.agent.store().usage().usedBytes();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> fx.putStreaming(id, data, trailer).get(30, TimeUnit.SECONDS));
    assertEquals(expected, errorOf(e));
    assertEquals(400, expected.httpStatus());
    assertNothingKept(id, used);
  }

  @Test
  void missingTrailerIs400AndNothingKept() throws Exception {
    byte[] data = TestShards.bytes(3 * CHUNK, 7);
    long used = fx.agent.store().usage().usedBytes();
    String answer = rawChunkedPut("no-trailer", data, "");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("BAD_REQUEST"), answer);
    assertNothingKept("no-trailer", used);
    // A partial trailer is no better.
    String partial =
        rawChunkedPut(
            "half-trailer",
            data,
            ShardHeaders.SHARD_SIZE
                + ": "
                + data.length
                + "\r\n"
                + ShardHeaders.MERKLE_ROOT
                + ": "
                + specOf(data).merkleRoot().hex()
                + "\r\n");
    assertTrue(partial.startsWith("HTTP/1.1 400"), partial);
    assertNothingKept("half-trailer", used);
  }

  @Test
  void rawChunkedPutWithAFullTrailerIsStored() throws Exception {
    byte[] data = TestShards.bytes(2 * CHUNK + 17, 8);
    ShardSpec spec = specOf(data);
    String answer =
        rawChunkedPut(
            "raw",
            data,
            ShardHeaders.SHARD_SIZE
                + ": "
                + data.length
                + "\r\n"
                + ShardHeaders.CHUNK_CRC32C
                + ": "
                + spec.chunkCrcs().toBase64()
                + "\r\n"
                + ShardHeaders.MERKLE_ROOT
                + ": "
                + spec.merkleRoot().hex()
                + "\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
    assertArrayEquals(data, fx.get("raw", Optional.empty()).get(10, TimeUnit.SECONDS));
  }

  /** Sends a signed chunked PUT by hand, ending with {@code trailers}; returns the whole answer. */
  private String rawChunkedPut(String id, byte[] data, String trailers) throws Exception {
    String path = "/shards/" + id;
    RequestSigning.SignedHeaders signed =
        RequestSigning.sign(
            AgentFixture.GATEWAY,
            fx.nodeId(),
            "PUT",
            path,
            id,
            RequestSigning.CHUNKED,
            System.currentTimeMillis());
    try (Socket socket = new Socket("127.0.0.1", fx.node().getPort())) {
      OutputStream out = socket.getOutputStream();
      String head =
          "PUT "
              + path
              + " HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Connection: close\r\n"
              + "Transfer-Encoding: chunked\r\n"
              + ShardHeaders.CHUNK_SIZE
              + ": "
              + CHUNK
              + "\r\n"
              + RequestSigning.CALLER
              + ": "
              + signed.caller()
              + "\r\n"
              + RequestSigning.TIMESTAMP
              + ": "
              + signed.timestampMillis()
              + "\r\n"
              + RequestSigning.SIGNATURE
              + ": "
              + signed.signature()
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      for (int off = 0; off < data.length; off += 50_000) {
        int n = Math.min(50_000, data.length - off);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, off, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write(("0\r\n" + trailers + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void capacityRunningOutMidStreamIs507WithNothingPartial() throws Exception {
    byte[] small = TestShards.bytes(CHUNK, 9);
    fx.putStreaming("before", small, specOf(small)).get(30, TimeUnit.SECONDS);
    long used = fx.agent.store().usage().usedBytes();
    // 64 MiB offered: 65 MiB cannot fit, but nothing tells the agent so before the bytes come.
    long size = 65L * 1024 * 1024;
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                fx.client
                    .putStreaming(fx.node(), fx.nodeId(), new ShardId("huge"), CHUNK, zeros(size))
                    .get(60, TimeUnit.SECONDS));
    assertEquals(AgentError.INSUFFICIENT_STORAGE, errorOf(e));
    assertNothingKept("huge", used);
    // The node still serves.
    assertArrayEquals(small, fx.get("before", Optional.empty()).get(10, TimeUnit.SECONDS));
    byte[] after = TestShards.bytes(CHUNK, 10);
    assertTrue(fx.putStreaming("after", after, specOf(after)).get(30, TimeUnit.SECONDS).verify());
  }

  /** {@code size} zero bytes in 1 MiB pieces; the spec is never reached in these tests. */
  private static AgentClient.StreamingShardSource zeros(long size) {
    ByteBuffer piece = ByteBuffer.allocate(1024 * 1024);
    long[] sent = {0};
    return new AgentClient.StreamingShardSource() {
      @Override
      public ByteBuffer next() {
        if (sent[0] == size) {
          return null;
        }
        int n = (int) Math.min(piece.capacity(), size - sent[0]);
        sent[0] += n;
        return piece.duplicate().limit(n);
      }

      @Override
      public ShardSpec spec() {
        throw new AssertionError("the agent should have refused before the end");
      }
    };
  }

  @Test
  void aSourceThatFailsMidwayAbortsAndTheAgentKeepsNothing() throws Exception {
    long used = fx.agent.store().usage().usedBytes();
    AgentClient.StreamingShardSource zeros = zeros(20L * 1024 * 1024);
    long[] pulled = {0};
    CompletableFuture<ShardReceipt> put =
        fx.client.putStreaming(
            fx.node(),
            fx.nodeId(),
            new ShardId("aborted"),
            CHUNK,
            new AgentClient.StreamingShardSource() {
              @Override
              public ByteBuffer next() throws Exception {
                if (++pulled[0] == 5) {
                  throw new java.io.IOException("upstream client went away");
                }
                return zeros.next();
              }

              @Override
              public ShardSpec spec() {
                throw new AssertionError("never reached");
              }
            });
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> put.get(30, TimeUnit.SECONDS));
    assertEquals(AgentError.UNAVAILABLE, errorOf(e));
    assertNothingKept("aborted", used);
  }

  @Test
  void aRequestSignedForAnotherNodeIsRejectedWith401() throws Exception {
    try (AgentFixture other = new AgentFixture(dir.resolve("b"))) {
      // Signed for node A, sent to node B (as an HP replaying a captured request would).
      RequestSigning.SignedHeaders forA =
          RequestSigning.sign(
              AgentFixture.GATEWAY,
              fx.nodeId(),
              "GET",
              "/shards/x",
              "x",
              0,
              System.currentTimeMillis());
      assertEquals(401, rawGet(other, forA).statusCode());
      // The same signature is fine at A, the node it was made for (no such shard: 404).
      assertEquals(404, rawGet(fx, forA).statusCode());
      // And through the client: naming A's id while connecting to B fails authentication.
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  fx.client
                      .list(other.node(), fx.nodeId(), Optional.empty(), 10)
                      .get(10, TimeUnit.SECONDS));
      assertEquals(AgentError.UNAUTHENTICATED, errorOf(e));
    }
  }

  private static java.net.http.HttpResponse<String> rawGet(
      AgentFixture target, RequestSigning.SignedHeaders signed) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + target.node().getPort() + "/shards/x"))
                .header(RequestSigning.CALLER, signed.caller())
                .header(RequestSigning.TIMESTAMP, Long.toString(signed.timestampMillis()))
                .header(RequestSigning.SIGNATURE, signed.signature())
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
