package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.checksum.Crc64Nvme;
import org.junit.jupiter.api.Test;

class ObjectPrimitivesTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void crc64NvmeMatchesTheCatalogueCheckValue() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update(CHECK, 0, CHECK.length);
    assertEquals(0xae8b14860a799888L, crc.getValue());
  }

  @Test
  void crc64NvmeIsTheSameInPiecesAndAtOnce() {
    byte[] data = TestBodies.random(1, 10_007);
    Crc64Nvme whole = new Crc64Nvme();
    whole.update(data, 0, data.length);
    Crc64Nvme pieces = new Crc64Nvme();
    for (int i = 0; i < data.length; i += 333) {
      pieces.update(ByteBuffer.wrap(data, i, Math.min(333, data.length - i)));
    }
    assertEquals(whole.getValue(), pieces.getValue());
  }

  @Test
  void checksumsAreBase64OfBigEndianValues() {
    assertEquals(b64("cbf43926"), value(ChecksumAlgorithm.CRC32));
    assertEquals(b64("e3069283"), value(ChecksumAlgorithm.CRC32C));
    assertEquals(
        Base64.getEncoder().encodeToString(HexFormat.of().parseHex("ae8b14860a799888")),
        value(ChecksumAlgorithm.CRC64NVME));
    assertEquals(
        Base64.getEncoder()
            .encodeToString(
                HexFormat.of()
                    .parseHex("15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225")),
        value(ChecksumAlgorithm.SHA256));
  }

  private static String b64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static String value(ChecksumAlgorithm algorithm) {
    ObjectDigests d = new ObjectDigests(Optional.of(algorithm));
    d.update(ByteBuffer.wrap(CHECK));
    return d.finish().checksumBase64().orElseThrow();
  }

  @Test
  void checksumAlgorithmNamesParseLikeS3() {
    assertEquals(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.parse("crc64nvme"));
    assertEquals(ChecksumAlgorithm.SHA1, ChecksumAlgorithm.parse("SHA-1"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> ChecksumAlgorithm.parse("md4"));
    assertTrue(unknown.getMessage().contains("'md4'"), unknown.getMessage());
  }

  @Test
  void etagIsQuotedHexMd5() {
    ObjectDigests d = new ObjectDigests(Optional.empty());
    d.update(ByteBuffer.wrap(new byte[0]));
    assertEquals("\"d41d8cd98f00b204e9800998ecf8427e\"", d.finish().etag());
  }

  @Test
  void writeQuorumFor4Plus2NeedsFiveAcks() {
    WriteQuorum q = new WriteQuorum(4, 2);
    assertEquals(5, q.minAcked());
    assertTrue(q.met(5));
    assertFalse(q.met(4));
    assertTrue(q.reachable(1));
    assertFalse(q.reachable(2));
  }

  @Test
  void writeQuorumAllowsHalfTheParityMissing() {
    assertEquals(12, new WriteQuorum(10, 4).minAcked());
    assertEquals(5, new WriteQuorum(4, 1).minAcked()); // floor(1/2) = 0 missing: all five
  }

  @Test
  void byteRangesResolveLikeS3() {
    assertEquals(new ByteRange.Resolved(10, 11), new ByteRange.FromTo(10, 20).resolve(100));
    assertEquals(new ByteRange.Resolved(90, 10), new ByteRange.FromTo(90, 500).resolve(100));
    assertEquals(new ByteRange.Resolved(40, 60), new ByteRange.From(40).resolve(100));
    assertEquals(new ByteRange.Resolved(70, 30), new ByteRange.Suffix(30).resolve(100));
    assertEquals(new ByteRange.Resolved(0, 100), new ByteRange.Suffix(300).resolve(100));
    assertEquals(
        ObjectError.INVALID_RANGE,
        assertThrows(ObjectException.class, () -> new ByteRange.From(100).resolve(100)).error());
    assertEquals(
        ObjectError.INVALID_RANGE,
        assertThrows(ObjectException.class, () -> new ByteRange.Suffix(1).resolve(0)).error());
  }

  @Test
  void digestsOfPiecesEqualDigestOfWhole() {
    byte[] data = TestBodies.random(2, 100_000);
    ObjectDigests a = new ObjectDigests(Optional.of(ChecksumAlgorithm.CRC32C));
    a.update(ByteBuffer.wrap(data));
    ObjectDigests b = new ObjectDigests(Optional.of(ChecksumAlgorithm.CRC32C));
    b.update(ByteBuffer.wrap(data, 0, 1234));
    b.update(ByteBuffer.wrap(data, 1234, data.length - 1234));
    assertArrayEquals(a.finish().md5(), b.finish().md5());
  }
}
