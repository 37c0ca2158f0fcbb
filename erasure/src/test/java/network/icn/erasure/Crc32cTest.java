package network.icn.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc32cTest {

  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheStandardCheckValue() {
    // The CRC-32C (Castagnoli) check value from the CRC catalogue / RFC 3720.
    assertEquals(0xE3069283, Crc32c.of(CHECK));
    assertEquals("e3069283", Crc32c.toHex(Crc32c.of(CHECK)));
  }

  @Test
  void heapDirectAndReadOnlyBuffersAgreeAndKeepTheirPosition() {
    ByteBuffer heap = ByteBuffer.allocate(20).put(5, CHECK).position(5).limit(14);
    ByteBuffer direct = ByteBuffer.allocateDirect(20).put(5, CHECK).position(5).limit(14);
    for (ByteBuffer buffer : new ByteBuffer[] {heap, direct, heap.asReadOnlyBuffer()}) {
      assertEquals(0xE3069283, Crc32c.of(buffer));
      assertEquals(0xE3069283, Crc32c.of(buffer, 5, 9));
      assertEquals(5, buffer.position());
      assertEquals(14, buffer.limit());
    }
  }

  @Test
  void anEmptyRangeHasCrcZero() {
    assertEquals(0, Crc32c.of(new byte[0]));
    assertEquals(0, Crc32c.of(ByteBuffer.allocate(4), 4, 0));
  }
}
