package network.icn.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import network.icn.erasure.ErasureScheme;
import network.icn.erasure.stripe.ShardLayout;
import org.junit.jupiter.api.Test;

final class ShardFetchTest {
  private static final ErasureScheme SCHEME = new ErasureScheme(2, 1, 4096);

  private static ByteBuffer chunk(int fill) {
    byte[] b = new byte[4096];
    java.util.Arrays.fill(b, (byte) fill);
    return ByteBuffer.wrap(b);
  }

  @Test
  void buffersHandedOverWhilePausedAllResumeWhenTheReaderTakes() {
    // 8 stripes of 2 x 4 KiB: shard 0 has 8 chunks; depth 2.
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ShardFetch fetch =
        new ShardFetch(0, new ShardLayout(SCHEME, 8 * 8192), 0, 8, 2, new ReadSignal(), pool);
    assertTrue(fetch.onData(chunk(0)).toCompletableFuture().isDone());
    CompletionStage<Void> first = fetch.onData(chunk(1)); // second ready chunk: pause
    CompletionStage<Void> second = fetch.onData(chunk(2)); // same socket read, still paused
    CompletionStage<Void> third = fetch.onData(chunk(3));
    CompletableFuture<Void> a = first.toCompletableFuture();
    CompletableFuture<Void> b = second.toCompletableFuture();
    CompletableFuture<Void> c = third.toCompletableFuture();
    assertFalse(a.isDone());
    assertFalse(b.isDone());
    assertFalse(c.isDone());

    for (int stripe = 0; stripe < 3; stripe++) {
      ByteBuffer got = fetch.take(stripe);
      assertNotNull(got, "stripe " + stripe);
      assertTrue(got.isDirect());
      assertEquals(chunk(stripe), got, "stripe " + stripe);
      pool.release(got);
    }
    // Every stage handed out while paused completes, so the client releases every buffer.
    assertTrue(a.isDone() && !a.isCompletedExceptionally());
    assertTrue(b.isDone() && !b.isCompletedExceptionally());
    assertTrue(c.isDone() && !c.isCompletedExceptionally());
    assertEquals(1, pool.outstanding(), "stripe 3 still queued");
    fetch.close();
    assertEquals(0, pool.outstanding(), "close returns what was not taken");
  }

  @Test
  void closeFailsEveryStageHandedOutWhilePaused() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ShardFetch fetch =
        new ShardFetch(0, new ShardLayout(SCHEME, 8 * 8192), 0, 8, 1, new ReadSignal(), pool);
    CompletableFuture<Void> a = fetch.onData(chunk(0)).toCompletableFuture();
    CompletableFuture<Void> b = fetch.onData(chunk(1)).toCompletableFuture();
    assertFalse(a.isDone());
    assertFalse(b.isDone());
    fetch.close();
    assertTrue(a.isCompletedExceptionally());
    assertTrue(b.isCompletedExceptionally());
    assertEquals(true, fetch.onData(chunk(2)).toCompletableFuture().isCompletedExceptionally());
    assertEquals(0, pool.outstanding(), "close returns queued chunks to the pool");
  }

  @Test
  void skippedChunksAndAPartialChunkGoBackToThePool() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ShardFetch fetch =
        new ShardFetch(0, new ShardLayout(SCHEME, 8 * 8192), 0, 8, 4, new ReadSignal(), pool);
    fetch.onData(chunk(0));
    fetch.onData(chunk(1));
    fetch.onData(ByteBuffer.allocate(100)); // part of stripe 2's chunk
    assertEquals(3, pool.outstanding());
    ByteBuffer got = fetch.take(1); // stripe 0's chunk is skipped
    assertEquals(chunk(1), got);
    assertEquals(2, pool.outstanding(), "the taken chunk and the partial one");
    pool.release(got);
    fetch.onData(ByteBuffer.allocate(4096 - 100)); // the rest of stripe 2's chunk
    fetch.onData(chunk(3));
    assertEquals(3, pool.allocated(), "stripe 3's chunk reuses a returned buffer");
    fetch.close();
    assertEquals(0, pool.outstanding());
  }
}
