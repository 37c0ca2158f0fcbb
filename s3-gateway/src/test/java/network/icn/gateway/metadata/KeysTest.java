package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void prefixSuccessorIncrementsTheLastByte() {
    assertArrayEquals(new byte[] {'a', '0'}, Keys.prefixSuccessor(new byte[] {'a', '/'}));
  }

  @Test
  void prefixSuccessorDropsTrailingFfBytesBeforeIncrementing() {
    assertArrayEquals(
        new byte[] {'a', 'c'},
        Keys.prefixSuccessor(new byte[] {'a', 'b', (byte) 0xFF, (byte) 0xFF}));
    assertArrayEquals(new byte[] {(byte) 0x80}, Keys.prefixSuccessor(new byte[] {0x7F}));
  }

  @Test
  void prefixSuccessorOfAllFfIsTheEndOfTheKeyspace() {
    assertNull(Keys.prefixSuccessor(new byte[] {(byte) 0xFF, (byte) 0xFF}));
    assertNull(Keys.prefixSuccessor(new byte[0]));
  }

  @Test
  void prefixSuccessorIsAboveEveryKeyWithThePrefix() {
    byte[] prefix = {'x', (byte) 0xFE, (byte) 0xFF};
    byte[] next = Keys.prefixSuccessor(prefix);
    assertTrue(Keys.compare(Keys.concat(prefix, new byte[] {(byte) 0xFF, (byte) 0xFF}), next) < 0);
    assertTrue(Keys.compare(prefix, next) < 0);
  }

  @Test
  void keyOrderIsUtf8ByteOrderNotUtf16Order() {
    // U+FF61 sorts after U+1F600 in UTF-16 (0xFF61 > 0xD83D) but before it in UTF-8.
    assertTrue("\uFF61".compareTo("\uD83D\uDE00") > 0);
    assertTrue(Keys.compare(Keys.utf8("\uFF61"), Keys.utf8("\uD83D\uDE00")) < 0);
  }

  @Test
  void indexOfFindsMultiByteNeedlesWithinBounds() {
    byte[] hay = Keys.utf8("a::b::c");
    assertEquals(1, Keys.indexOf(hay, Keys.utf8("::"), 0, hay.length));
    assertEquals(4, Keys.indexOf(hay, Keys.utf8("::"), 2, hay.length));
    assertEquals(-1, Keys.indexOf(hay, Keys.utf8("::"), 2, 5));
  }
}
