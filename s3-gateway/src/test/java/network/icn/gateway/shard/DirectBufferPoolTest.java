package network.icn.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

final class DirectBufferPoolTest {
  @Test
  void aReleasedBufferIsLentAgainClearedAndOfTheSameCapacity() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ByteBuffer a = pool.acquire(4096);
    assertTrue(a.isDirect());
    assertEquals(4096, a.capacity());
    a.position(100).limit(200);
    pool.release(a);
    assertSame(a, pool.acquire(4096));
    assertEquals(0, a.position());
    assertEquals(4096, a.limit());
    assertNotSame(a, pool.acquire(8192), "other capacities are other buffers");
    assertEquals(2, pool.allocated());
    assertEquals(2, pool.outstanding());
  }

  @Test
  void releasingTwiceOrAForeignBufferThrows() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ByteBuffer a = pool.acquire(4096);
    pool.release(a);
    assertThrows(IllegalStateException.class, () -> pool.release(a));
    assertThrows(IllegalStateException.class, () -> pool.release(ByteBuffer.allocateDirect(4096)));
    assertEquals(0, pool.outstanding());
  }

  @Test
  void keepsAtMostMaxIdleBytes() {
    DirectBufferPool pool = new DirectBufferPool(2 * 4096);
    ByteBuffer[] lent = new ByteBuffer[3];
    for (int i = 0; i < lent.length; i++) {
      lent[i] = pool.acquire(4096);
    }
    for (ByteBuffer b : lent) {
      pool.release(b);
    }
    assertEquals(2 * 4096, pool.idleBytes());
    assertEquals(0, pool.outstanding());
    pool.acquire(4096);
    pool.acquire(4096);
    pool.acquire(4096);
    assertEquals(4, pool.allocated(), "two reused, one new");
  }
}
