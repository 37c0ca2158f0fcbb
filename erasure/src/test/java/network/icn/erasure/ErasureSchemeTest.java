package network.icn.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErasureSchemeTest {

  @Test
  void parsesTheDefaultScheme() {
    ErasureScheme scheme = ErasureScheme.parse("rs-4-2-256k");
    assertEquals(4, scheme.data());
    assertEquals(2, scheme.parity());
    assertEquals(256 * 1024, scheme.chunkSize());
    assertEquals(6, scheme.totalShards());
    assertEquals(1024 * 1024, scheme.stripeDataSize());
    assertEquals("rs-4-2-256k", scheme.toString());
    assertEquals(ErasureScheme.DEFAULT, scheme);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rs-4-2-256k", "rs-8-4-1m", "rs-10-4-4k", "rs-1-1-64m", "rs-128-128-8k"})
  void toStringRoundTrips(String text) {
    assertEquals(text, ErasureScheme.parse(text).toString());
    assertEquals(
        ErasureScheme.parse(text), ErasureScheme.parse(ErasureScheme.parse(text).toString()));
  }

  @Test
  void normalisesMebibyteChunksWrittenInKibibytes() {
    assertEquals("rs-6-3-1m", ErasureScheme.parse("rs-6-3-1024k").toString());
    assertEquals(
        ErasureScheme.parse("rs-6-3-1m"), ErasureScheme.parse("RS-6-3-1024K".toLowerCase()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rs-0-2-256k",
        "rs-4-0-256k",
        "rs-200-100-256k",
        "rs-4-2-0k",
        "rs-4-2-3k",
        "rs-4-2-6k",
        "rs-4-2-128m",
        "rs-4-2-256",
        "rs-4-2-256g",
        "rs-4-2",
        "rs-0-2",
        "rs-200-100",
        "reed-solomon",
        "",
        "rs--1-2-256k",
        "rs-4-2-99999999999k"
      })
  void rejectsInvalidSchemesWithAClearError(String text) {
    ErasureException e = assertThrows(ErasureException.class, () -> ErasureScheme.parse(text));
    assertEquals(ErasureError.INVALID_SCHEME, e.error());
  }

  @Test
  void rejectsNull() {
    assertEquals(
        ErasureError.INVALID_SCHEME,
        assertThrows(ErasureException.class, () -> ErasureScheme.parse(null)).error());
  }

  @Test
  void constructorValidatesToo() {
    assertThrows(ErasureException.class, () -> new ErasureScheme(200, 100, 4096));
    assertThrows(ErasureException.class, () -> new ErasureScheme(4, 2, 4097));
  }
}
