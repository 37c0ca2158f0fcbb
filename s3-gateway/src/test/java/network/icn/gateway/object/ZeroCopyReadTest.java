package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.shard.DirectBufferPool;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read path hands pooled direct buffers to the sink ({@link ObjectSink#writeOwned}): chunks as
 * they came from the agents when a stripe needs no decoding, a decoded stripe buffer otherwise. The
 * sink here holds on to what it is given, as the HTTP response does while a write is in flight, and
 * copies the bytes out only when it lets a buffer go: a buffer reused before it was released would
 * show up as wrong bytes. Every buffer goes back to the pool on every path. A 6-agent 4+2
 * LocalCluster: 64 KiB chunks, 256 KiB stripes, 1 MiB segments.
 */
class ZeroCopyReadTest {
  private static final String BUCKET = "zero-copy";
  private static final int CHUNK = 64 * 1024;
  private static final int STRIPE = 4 * CHUNK;
  private static final int SEGMENT = 1 << 20;

  @TempDir static Path dir;
  static LocalCluster cluster;
  static DirectBufferPool pool;
  static byte[] body;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(dir, LocalCluster.Options.small());
    cluster.createBucket(BUCKET);
    pool = cluster.context().readBuffers();
    body = TestBodies.random(21, 2 * SEGMENT + 3 * STRIPE + 12_345); // 3 segments, short tail
    put("object", body);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void heal() throws Exception {
    cluster.client().clearAll();
    for (LocalCluster.AgentHandle agent : cluster.agents()) {
      agent.start();
    }
  }

  private static ObjectRecord put(String key, byte[] data) {
    return cluster
        .store()
        .put(PutObjectRequest.of(BUCKET, key, data.length), new ByteArrayInputStream(data));
  }

  /**
   * Keeps up to {@code hold} owned buffers unreleased; the bytes of one are copied out only when it
   * is let go. Optionally fails (after releasing, as the contract says) at owned write {@code
   * failAt}.
   */
  private static final class HoldingSink implements ObjectSink {
    private record Held(ByteBuffer data, Runnable release) {}

    private final int hold;
    private final int failAt;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    Runnable beforeFirstOwned = () -> {};
    int owned;
    int ownedChunks;
    int ownedStripes;
    int copied;

    HoldingSink(int hold, int failAt) {
      this.hold = hold;
      this.failAt = failAt;
    }

    HoldingSink(int hold) {
      this(hold, Integer.MAX_VALUE);
    }

    @Override
    public void write(ByteBuffer data) {
      drain();
      copied++;
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      out.writeBytes(bytes);
    }

    @Override
    public void writeOwned(ByteBuffer data, Runnable release) throws IOException {
      if (owned == 0) {
        beforeFirstOwned.run();
      }
      owned++;
      assertTrue(data.isDirect(), "owned buffers are pooled direct buffers");
      if (owned == failAt) {
        release.run();
        throw new IOException("injected sink failure");
      }
      if (data.capacity() <= CHUNK) {
        ownedChunks++;
      } else {
        ownedStripes++;
      }
      held.add(new Held(data, release));
      while (held.size() > hold) {
        letGo(held.poll());
      }
    }

    void drain() {
      while (!held.isEmpty()) {
        letGo(held.poll());
      }
    }

    /** Releases what is still held without reading it (a response cut short). */
    void dropAll() {
      while (!held.isEmpty()) {
        held.poll().release().run();
      }
    }

    private void letGo(Held h) {
      byte[] bytes = new byte[h.data().remaining()];
      h.data().get(bytes);
      out.writeBytes(bytes);
      h.release().run();
    }
  }

  private static ReadSummary read(String key, Optional<ByteRange> range, HoldingSink sink) {
    ReadSummary summary = cluster.store().get(BUCKET, key, range, sink);
    sink.drain();
    return summary;
  }

  private static void assertBytes(int from, int length, byte[] got, String what) {
    assertEquals(length, got.length, what);
    assertArrayEquals(Arrays.copyOfRange(body, from, from + length), got, what);
  }

  @Test
  void rangesAcrossChunkStripeAndSegmentBoundariesAreByteExactWithoutDecoding() {
    int[][] ranges = {
      {0, 1},
      {CHUNK - 1, 2}, // two chunks of one stripe
      {CHUNK + 17, CHUNK}, // inside two chunks, neither whole
      {STRIPE - 3, 6}, // last chunk of stripe 0, first of stripe 1
      {STRIPE - CHUNK / 2, 2 * STRIPE}, // three stripes, partial at both ends
      {SEGMENT - 10, CHUNK + 20}, // two segments
      {SEGMENT + STRIPE, STRIPE}, // exactly one stripe
      {body.length - 12_345 - 7, 12_345 + 7}, // into the short last stripe
      {0, body.length},
    };
    for (int[] r : ranges) {
      HoldingSink sink = new HoldingSink(5);
      ReadSummary summary =
          read("object", Optional.of(new ByteRange.FromTo(r[0], r[0] + r[1] - 1)), sink);
      String what = "range " + r[0] + "+" + r[1];
      assertBytes(r[0], r[1], sink.out.toByteArray(), what);
      assertEquals(r[1], summary.bytes(), what);
      assertEquals(0, summary.stripesDecoded(), what);
      assertEquals(0, sink.copied, what + ": nothing copied on the happy path");
      assertEquals(0, sink.ownedStripes, what);
      assertTrue(sink.ownedChunks > 0, what);
      assertEquals(0, pool.outstanding(), what + ": every buffer back in the pool");
    }
  }

  @Test
  void buffersAreReusedAcrossReads() {
    read("object", Optional.empty(), new HoldingSink(2));
    long allocated = pool.allocated();
    for (int i = 0; i < 3; i++) {
      HoldingSink sink = new HoldingSink(2);
      read("object", Optional.empty(), sink);
      assertBytes(0, body.length, sink.out.toByteArray(), "read " + i);
    }
    assertEquals(0, pool.outstanding());
    assertEquals(allocated, pool.allocated(), "later reads allocate nothing");
  }

  @Test
  void aCorruptChunkDecodesItsStripeWhileTheOtherStripesStayDirect() {
    ObjectRecord record = cluster.store().head(BUCKET, "object");
    // Every stream from this node has its first byte flipped in transit: the first chunk that
    // the read takes from shard 1 of segment 0 (stripe 0) fails its CRC32C; its later chunks are
    // good.
    ShardRecord shard = record.layout().segments().getFirst().shards().get(1);
    cluster.agentOf(shard.nodeId()).corruptReads(true);
    HoldingSink sink = new HoldingSink(5);
    ReadSummary summary = read("object", Optional.empty(), sink);
    assertBytes(0, body.length, sink.out.toByteArray(), "whole object");
    long stripes = (body.length + STRIPE - 1) / STRIPE;
    assertTrue(summary.stripesDecoded() >= 1, "decoded " + summary.stripesDecoded());
    assertTrue(summary.stripesDecoded() < stripes, "decoded " + summary.stripesDecoded());
    assertTrue(!summary.corruptChunks().isEmpty());
    assertEquals(summary.stripesDecoded(), sink.ownedStripes, "a decoded stripe is one buffer");
    assertTrue(sink.ownedChunks > 0);
    assertEquals(0, sink.copied);
    assertEquals(0, pool.outstanding());
  }

  @Test
  void aSinkThatFailsMidBodyLeavesNoBufferOut() {
    HoldingSink sink = new HoldingSink(3, 7);
    ObjectException e =
        assertThrows(
            ObjectException.class,
            () -> cluster.store().get(BUCKET, "object", Optional.empty(), sink));
    assertEquals(ObjectError.SINK_FAILED, e.error());
    sink.dropAll();
    assertEquals(0, pool.outstanding());
  }

  @Test
  void aReadThatLosesItsQuorumMidObjectLeavesNoBufferOut() {
    // Segment 0 is delivered (its streams are open and buffered); then three agents stop, so
    // segment 1 cannot be read.
    HoldingSink sink = new HoldingSink(2);
    sink.beforeFirstOwned = () -> cluster.stopAgents(0, 2, 4);
    ObjectException e =
        assertThrows(
            ObjectException.class,
            () -> cluster.store().get(BUCKET, "object", Optional.empty(), sink));
    assertEquals(ObjectError.READ_QUORUM_NOT_MET, e.error());
    sink.drain();
    byte[] got = sink.out.toByteArray();
    assertTrue(got.length >= STRIPE && got.length <= SEGMENT, "delivered " + got.length);
    assertBytes(0, got.length, got, "the bytes before the failure");
    assertEquals(0, pool.outstanding());
  }
}
