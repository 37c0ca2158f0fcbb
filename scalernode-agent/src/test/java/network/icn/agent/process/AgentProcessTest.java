package network.icn.agent.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import network.icn.agent.client.AgentClient;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.ChunkChecksums;
import network.icn.agent.client.ShardId;
import network.icn.agent.client.ShardReceipt;
import network.icn.agent.client.ShardSpec;
import network.icn.agent.client.Signatures;
import network.icn.agent.client.http.NettyAgentClient;
import network.icn.agent.merkle.ErasureShardMerkle;
import network.icn.agent.merkle.ShardMerkle;
import network.icn.agent.testing.AgentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the agent as a separate JVM limited to -Xmx128m: a 256 MiB shard streams in and out (with
 * the spec in headers, and again with the spec in trailers), a kill -9 during a put leaves nothing
 * partial, a restart serves everything back, SIGTERM exits 0.
 */
final class AgentProcessTest {
  private static final int CHUNK = 256 * 1024;
  private static final long BIG = 256L * 1024 * 1024;

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killEverything() throws Exception {
    for (Process p : started) {
      ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Agent(Process process, InetSocketAddress address) {}

  /** A fixed node key, so the test knows the node id its requests are signed for. */
  private static final org.web3j.crypto.ECKeyPair NODE_KEY =
      org.web3j.crypto.ECKeyPair.create(java.math.BigInteger.valueOf(0x5EED));

  private static final String NODE_ID = Signatures.address(NODE_KEY);

  private Path keyFile() throws Exception {
    Path file = dir.resolve("node.key");
    if (!Files.exists(file)) {
      Files.writeString(file, String.format("%064x", NODE_KEY.getPrivateKey()));
    }
    return file;
  }

  /** Streams a deterministic shard and computes its spec on the way, as the gateway does. */
  private static final class StreamingSource implements AgentClient.StreamingShardSource {
    private final AgentSourceAndDigest bytes;
    private final ShardMerkle.RootBuilder root = new ErasureShardMerkle().newRootBuilder();
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private final List<Integer> crcs = new ArrayList<>();
    private long pos;
    private final Runnable onPiece;

    StreamingSource(long seed, long size, Runnable onPiece) {
      this.bytes = source(seed, size);
      this.onPiece = onPiece;
    }

    @Override
    public ByteBuffer next() {
      ByteBuffer b = bytes.next();
      if (b == null) {
        if (pos % CHUNK != 0) {
          crcs.add((int) crc.getValue());
        }
        return null;
      }
      root.update(b.duplicate());
      ByteBuffer view = b.duplicate();
      while (view.hasRemaining()) {
        int take = (int) Math.min(view.remaining(), CHUNK - pos % CHUNK);
        crc.update(view.slice(view.position(), take));
        view.position(view.position() + take);
        pos += take;
        if (pos % CHUNK == 0) {
          crcs.add((int) crc.getValue());
          crc.reset();
        }
      }
      onPiece.run();
      return b;
    }

    @Override
    public ShardSpec spec() {
      return new ShardSpec(
          pos,
          CHUNK,
          ChunkChecksums.of(crcs.stream().mapToInt(Integer::intValue).toArray()),
          root.root());
    }
  }

  private Agent startAgent() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    for (String flag : System.getProperty("icn.jvm.flags", "").split("\\s+")) {
      if (!flag.isBlank()) {
        cmd.add(flag);
      }
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "network.icn.agent.AgentMain",
            "--listen=127.0.0.1:0",
            "--data-dir=" + dir.resolve("data"),
            "--capacity=2G",
            "--scrub-rate=0",
            "--key-file=" + keyFile(),
            "--allowed-gateways=" + Signatures.address(AgentFixture.GATEWAY)));
    Process p =
        new ProcessBuilder(cmd).redirectError(dir.resolve("agent-stderr.log").toFile()).start();
    started.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      if (line.startsWith("listening on ")) {
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    out.lines().forEach(l -> {});
                  } catch (java.io.UncheckedIOException e) {
                    // the process ended
                  }
                });
        return new Agent(p, new InetSocketAddress("127.0.0.1", port));
      }
    }
    throw new AssertionError(
        "agent did not start: " + Files.readString(dir.resolve("agent-stderr.log")));
  }

  /** A deterministic 256 MiB stream, generated in 1 MiB pieces (never held whole). */
  private static AgentSourceAndDigest source(long seed, long size) {
    return new AgentSourceAndDigest(seed, size);
  }

  private static final class AgentSourceAndDigest {
    final long size;
    final SplittableRandom random;
    long produced;
    final byte[] piece = new byte[1024 * 1024];

    AgentSourceAndDigest(long seed, long size) {
      this.size = size;
      this.random = new SplittableRandom(seed);
    }

    ByteBuffer next() {
      if (produced == size) {
        return null;
      }
      int n = (int) Math.min(piece.length, size - produced);
      random.nextBytes(piece);
      produced += n;
      return ByteBuffer.wrap(piece, 0, n);
    }
  }

  private static ShardSpec specOf(long seed, long size) {
    ShardMerkle.RootBuilder root = new ErasureShardMerkle().newRootBuilder();
    int chunks = (int) ((size + CHUNK - 1) / CHUNK);
    int[] crcs = new int[chunks];
    AgentSourceAndDigest s = source(seed, size);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    long pos = 0;
    for (ByteBuffer b = s.next(); b != null; b = s.next()) {
      root.update(b.duplicate());
      while (b.hasRemaining()) {
        int inChunk = (int) (pos % CHUNK);
        int take = Math.min(b.remaining(), CHUNK - inChunk);
        crc.update(b.slice(b.position(), take));
        b.position(b.position() + take);
        pos += take;
        if (pos % CHUNK == 0 || pos == size) {
          crcs[(int) ((pos - 1) / CHUNK)] = (int) crc.getValue();
          crc.reset();
        }
      }
    }
    return new ShardSpec(size, CHUNK, ChunkChecksums.of(crcs), root.root());
  }

  private static byte[] sha256Of(long seed, long size) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    AgentSourceAndDigest s = source(seed, size);
    for (ByteBuffer b = s.next(); b != null; b = s.next()) {
      md.update(b);
    }
    return md.digest();
  }

  private static byte[] fetchDigest(NettyAgentClient client, InetSocketAddress node, String id)
      throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    client
        .get(
            node,
            NODE_ID,
            new ShardId(id),
            Optional.empty(),
            data -> {
              md.update(data);
              return CompletableFuture.completedFuture(null);
            })
        .get(120, TimeUnit.SECONDS);
    return md.digest();
  }

  @Test
  void bigShardStreamsThroughASmallHeapSurvivesKillNineAndRestart() throws Exception {
    ShardSpec spec = specOf(42, BIG);
    try (NettyAgentClient client =
        new NettyAgentClient(
            AgentFixture.GATEWAY, Clock.systemUTC(), NettyAgentClient.Settings.defaults())) {
      Agent first = startAgent();
      AgentSourceAndDigest src = source(42, BIG);
      ShardReceipt receipt =
          client
              .put(first.address(), NODE_ID, new ShardId("big"), spec, src::next)
              .get(180, TimeUnit.SECONDS);
      assertTrue(receipt.verify());
      assertArrayEquals(sha256Of(42, BIG), fetchDigest(client, first.address(), "big"));

      // kill -9 in the middle of a second put (a streaming one: spec in trailers).
      AtomicLong sent = new AtomicLong();
      CompletableFuture<ShardReceipt> doomed =
          client.putStreaming(
              first.address(),
              NODE_ID,
              new ShardId("victim"),
              CHUNK,
              new StreamingSource(
                  7,
                  BIG,
                  () -> {
                    if (sent.addAndGet(1024 * 1024) > 64L * 1024 * 1024) {
                      first.process().destroyForcibly();
                    }
                  }));
      ExecutionException cut =
          assertThrows(ExecutionException.class, () -> doomed.get(120, TimeUnit.SECONDS));
      assertTrue(cut.getCause() instanceof AgentException);
      first.process().waitFor(30, TimeUnit.SECONDS);

      Agent second = startAgent();
      try (var temps = Files.list(dir.resolve("data").resolve("tmp"))) {
        assertEquals(0, temps.count(), "temp files of the killed put are cleaned at startup");
      }
      ExecutionException missing =
          assertThrows(
              ExecutionException.class, () -> fetchDigest(client, second.address(), "victim"));
      assertEquals(AgentError.NOT_FOUND, ((AgentException) missing.getCause()).error());
      assertArrayEquals(sha256Of(42, BIG), fetchDigest(client, second.address(), "big"));

      // The whole shard again, streamed with the spec computed on the way (never held).
      ShardReceipt streamed =
          client
              .putStreaming(
                  second.address(),
                  NODE_ID,
                  new ShardId("streamed"),
                  CHUNK,
                  new StreamingSource(9, BIG, () -> {}))
              .get(180, TimeUnit.SECONDS);
      assertTrue(streamed.verify());
      assertEquals(BIG, streamed.size());
      assertArrayEquals(sha256Of(9, BIG), fetchDigest(client, second.address(), "streamed"));

      second.process().destroy(); // SIGTERM: graceful
      assertTrue(second.process().waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, second.process().exitValue());
    }
  }
}
