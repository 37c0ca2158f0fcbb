package network.icn.agent.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.Challenge;
import network.icn.agent.client.RequestSigning;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.client.Signatures;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.testing.AgentFixture;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

final class ShardApiIntegrationTest {
  private static final int CHUNK = 64 * 1024;
  @TempDir Path dir;
  private AgentFixture fx;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    fx = new AgentFixture(dir);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static AgentError errorOf(ExecutionException e) {
    return ((AgentException) e.getCause()).error();
  }

  @Test
  void putAnswersASignedReceiptAndGetReturnsTheBytes() throws Exception {
    byte[] data = TestShards.bytes(5 * CHUNK + 123, 1);
    ShardReceipt receipt = fx.put("abc", data, CHUNK);
    assertTrue(receipt.verify());
    assertEquals(fx.agent.nodeId(), receipt.nodeId());
    assertEquals(data.length, receipt.size());
    assertArrayEquals(data, fx.get("abc", Optional.empty()).get(10, TimeUnit.SECONDS));
  }

  @Test
  void rangedGetReturnsExactlyTheRange() throws Exception {
    byte[] data = TestShards.bytes(4 * CHUNK, 2);
    fx.put("ranged", data, CHUNK);
    byte[] part = fx.get("ranged", Optional.of(new long[] {CHUNK - 10, 2 * CHUNK + 5})).get();
    assertArrayEquals(Arrays.copyOfRange(data, CHUNK - 10, 2 * CHUNK + 6), part);
  }

  @Test
  void repeatedPutIsIdempotentAndDifferentPutConflicts() throws Exception {
    byte[] data = TestShards.bytes(CHUNK, 3);
    fx.put("twice", data, CHUNK);
    fx.put("twice", data, CHUNK);
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> fx.put("twice", TestShards.bytes(CHUNK, 4), CHUNK));
    assertEquals(AgentError.CONFLICT, errorOf(e));
  }

  @Test
  void corruptedTransferIsRejectedWith400AndNothingKept() throws Exception {
    byte[] data = TestShards.bytes(2 * CHUNK, 5);
    ShardSpec spec = TestShards.spec(data, CHUNK, new ErasureShardMerkle());
    byte[] damaged = data.clone();
    damaged[CHUNK + 7] ^= 1;
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> fx.put("damaged", damaged, spec).get(10, TimeUnit.SECONDS));
    assertEquals(AgentError.CHECKSUM_MISMATCH, errorOf(e));
    assertTrue(fx.agent.store().stat(new ShardId("damaged")).isEmpty());
  }

  @Test
  void putBeyondCapacityIs507AndNothingPartialRemains() throws Exception {
    byte[] big = TestShards.bytes(65 * 1024 * 1024, 6);
    ExecutionException e = assertThrows(ExecutionException.class, () -> fx.put("huge", big, CHUNK));
    assertEquals(AgentError.INSUFFICIENT_STORAGE, errorOf(e));
    assertTrue(fx.agent.store().stat(new ShardId("huge")).isEmpty());
    try (var temps = Files.list(dir.resolve("tmp"))) {
      assertEquals(0, temps.count());
    }
    assertEquals(0, fx.agent.store().usage().reservedBytes());
  }

  @Test
  void aFlippedBitIsNeverServedAndTheShardIsQuarantined() throws Exception {
    byte[] data = TestShards.bytes(3 * CHUNK, 7);
    fx.put("rotten", data, CHUNK);
    Path file = fx.agent.store().fileOf(new ShardId("rotten"));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long offset = raf.length() - 8 - 3 * 4 - 10; // before the CRC table (3 chunks) + footer
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
    // The bad chunk is the last one: headers and the first chunks go out, then the cut.
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> fx.get("rotten", Optional.empty()).get(10, TimeUnit.SECONDS));
    assertEquals(AgentError.UNAVAILABLE, errorOf(e));
    assertTrue(fx.agent.store().stat(new ShardId("rotten")).isEmpty(), "quarantined");
  }

  @Test
  void aCorruptFirstChunkIsACleanError() throws Exception {
    byte[] data = TestShards.bytes(2 * CHUNK, 8);
    fx.put("rotten-head", data, CHUNK);
    Path file = fx.agent.store().fileOf(new ShardId("rotten-head"));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long offset = raf.length() - 8 - 2 * 4 - data.length + 3; // CRC table (2 chunks) + footer
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x80);
    }
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> fx.get("rotten-head", Optional.of(new long[] {0, 99})).get(10, TimeUnit.SECONDS));
    assertEquals(AgentError.CORRUPT_SHARD, errorOf(e));
  }

  @Test
  void deleteAndListWork() throws Exception {
    for (int i = 0; i < 5; i++) {
      fx.put("l" + i, TestShards.bytes(1000 + i, i), 4096);
    }
    var page = fx.client.list(fx.node(), fx.nodeId(), Optional.empty(), 3).get();
    assertEquals(3, page.shards().size());
    var rest = fx.client.list(fx.node(), fx.nodeId(), page.next(), 3).get();
    assertEquals(2, rest.shards().size());
    assertTrue(fx.client.delete(fx.node(), fx.nodeId(), new ShardId("l0")).get());
    assertFalse(fx.client.delete(fx.node(), fx.nodeId(), new ShardId("l0")).get());
  }

  @Test
  void challengeAnswersVerifyAgainstTheReceiptRootAndFailWhenAltered() throws Exception {
    byte[] data = TestShards.bytes(10 * 4096 + 100, 9);
    ShardReceipt receipt = fx.put("challenged", data, 4096);
    Challenge.Answer answer =
        fx.client
            .challenge(
                fx.node(),
                fx.nodeId(),
                new Challenge.Request(
                    "nonce-1",
                    List.of(
                        new Challenge.Item(new ShardId("challenged"), 3),
                        new Challenge.Item(new ShardId("challenged"), 10))))
            .get();
    assertTrue(answer.verifySignature());
    assertEquals(fx.agent.nodeId(), answer.nodeId());
    ErasureShardMerkle merkle = new ErasureShardMerkle();
    for (Challenge.Proof p : answer.proofs()) {
      assertEquals(receipt.merkleRoot(), p.merkleRoot().orElseThrow());
      assertTrue(merkle.verify(receipt.merkleRoot(), p.proof().orElseThrow()));
    }
    var proof = answer.proofs().get(0).proof().orElseThrow();
    byte[] leaf = proof.leaf();
    leaf[0] ^= 1;
    var altered =
        new network.icn.agent.client.LeafProof(
            proof.leafIndex(), proof.leafCount(), leaf, proof.siblings());
    assertFalse(merkle.verify(receipt.merkleRoot(), altered));
  }

  @Test
  void challengeOnAnAlteredShardFailsVerification() throws Exception {
    byte[] data = TestShards.bytes(8 * 4096, 10);
    ShardReceipt receipt = fx.put("altered", data, 4096);
    // An HP who rewrote the shard (with consistent CRCs) cannot prove the original root.
    fx.agent.store().delete(new ShardId("altered"));
    byte[] other = data.clone();
    other[5 * 4096] ^= 1;
    fx.put("altered", other, 4096);
    Challenge.Answer answer =
        fx.client
            .challenge(
                fx.node(),
                fx.nodeId(),
                new Challenge.Request("n2", List.of(new Challenge.Item(new ShardId("altered"), 5))))
            .get();
    assertFalse(
        new ErasureShardMerkle()
            .verify(receipt.merkleRoot(), answer.proofs().get(0).proof().orElseThrow()));
  }

  private HttpResponse<String> raw(
      String method, String path, ECKeyPair key, long timestamp, String sigOverride)
      throws Exception {
    String shardId = path.startsWith("/shards/") ? path.substring(8) : null;
    RequestSigning.SignedHeaders signed =
        RequestSigning.sign(key, fx.nodeId(), method, path, shardId, 0, timestamp);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.node().getPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header(RequestSigning.CALLER, signed.caller())
            .header(RequestSigning.TIMESTAMP, Long.toString(signed.timestampMillis()))
            .header(
                RequestSigning.SIGNATURE, sigOverride != null ? sigOverride : signed.signature());
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unsignedRequestIs401WithAJsonBody() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fx.node().getPort() + "/shards/x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("\"error\":\"UNAUTHENTICATED\""));
  }

  @Test
  void badSignatureIs401() throws Exception {
    String forged = "0x" + "11".repeat(65);
    assertEquals(
        401,
        raw("GET", "/shards/x", AgentFixture.GATEWAY, System.currentTimeMillis(), forged)
            .statusCode());
  }

  @Test
  void staleTimestampIs401() throws Exception {
    assertEquals(
        401,
        raw("GET", "/shards/x", AgentFixture.GATEWAY, System.currentTimeMillis() - 3_600_000, null)
            .statusCode());
  }

  @Test
  void replayedRequestIs401() throws Exception {
    long now = System.currentTimeMillis();
    RequestSigning.SignedHeaders signed =
        RequestSigning.sign(AgentFixture.GATEWAY, fx.nodeId(), "GET", "/shards/x", "x", 0, now);
    assertEquals(
        404, raw("GET", "/shards/x", AgentFixture.GATEWAY, now, signed.signature()).statusCode());
    assertEquals(
        401, raw("GET", "/shards/x", AgentFixture.GATEWAY, now, signed.signature()).statusCode());
  }

  @Test
  void unknownCallerIs403() throws Exception {
    HttpResponse<String> r =
        raw("GET", "/shards/x", AgentFixture.STRANGER, System.currentTimeMillis(), null);
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains(Signatures.address(AgentFixture.STRANGER)));
  }

  @Test
  void healthAndMetricsNeedNoSignature() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fx.node().getPort() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains(fx.agent.nodeId()));
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fx.node().getPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("icn_agent_requests_total"));
  }
}
