package network.icn.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.checksum.Crc64Nvme;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

class S3ChecksumTest {
  static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  /** Bit-at-a-time CRC-64/NVME straight from the definition, to pin the table version. */
  static long referenceCrc64Nvme(byte[] data, int off, int len) {
    long crc = -1L;
    for (int i = off; i < off + len; i++) {
      crc ^= data[i] & 0xFF;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
      }
    }
    return ~crc;
  }

  @Test
  void crc64NvmeHasTheCatalogueCheckValue() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update(CHECK, 0, CHECK.length);
    assertEquals(0xAE8B14860A799888L, crc.getValue());
    assertEquals(
        Base64.getEncoder().encodeToString(HexFormat.of().parseHex("ae8b14860a799888")),
        S3Checksum.base64(ChecksumAlgorithm.CRC64NVME, CHECK));
  }

  @Test
  void crc64NvmeSliceBy8MatchesTheBitwiseDefinitionForAnyLengthAndSplit() {
    byte[] data = new byte[300];
    new Random(7).nextBytes(data);
    for (int len = 0; len <= data.length; len += 7) {
      for (int split = 0; split <= len; split += 13) {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(data, 0, split);
        crc.update(ByteBuffer.wrap(data, split, len - split));
        assertEquals(referenceCrc64Nvme(data, 0, len), crc.getValue(), len + "/" + split);
      }
    }
    Crc64Nvme single = new Crc64Nvme();
    for (byte b : CHECK) {
      single.update(b);
    }
    assertEquals(0xAE8B14860A799888L, single.getValue());
  }

  @Test
  void crcsAreBase64OfTheBigEndianValue() {
    assertEquals("y/Q5Jg==", S3Checksum.base64(ChecksumAlgorithm.CRC32, CHECK)); // 0xCBF43926
    assertEquals("4waSgw==", S3Checksum.base64(ChecksumAlgorithm.CRC32C, CHECK)); // 0xE3069283
  }

  @Test
  void shaChecksumsAreBase64OfTheDigest() throws Exception {
    assertEquals(
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("SHA-1").digest(CHECK)),
        S3Checksum.base64(ChecksumAlgorithm.SHA1, CHECK));
    assertEquals(
        Base64.getEncoder().encodeToString(Hashing.sha256().digest(CHECK)),
        S3Checksum.base64(ChecksumAlgorithm.SHA256, CHECK));
  }

  @Test
  void matchesTheSdkChecksumsOnRandomDataFedInPieces() {
    byte[] data = new byte[100_003];
    new Random(3).nextBytes(data);
    record Pair(
        ChecksumAlgorithm ours, software.amazon.awssdk.checksums.spi.ChecksumAlgorithm sdk) {}
    for (Pair p :
        new Pair[] {
          new Pair(ChecksumAlgorithm.CRC32, DefaultChecksumAlgorithm.CRC32),
          new Pair(ChecksumAlgorithm.CRC32C, DefaultChecksumAlgorithm.CRC32C),
          new Pair(ChecksumAlgorithm.SHA1, DefaultChecksumAlgorithm.SHA1),
          new Pair(ChecksumAlgorithm.SHA256, DefaultChecksumAlgorithm.SHA256)
        }) {
      SdkChecksum sdk = SdkChecksum.forAlgorithm(p.sdk());
      sdk.update(data, 0, data.length);
      S3Checksum ours = S3Checksum.of(p.ours());
      for (int i = 0; i < data.length; i += 4099) {
        ours.update(ByteBuffer.wrap(data, i, Math.min(4099, data.length - i)));
      }
      assertEquals(
          Base64.getEncoder().encodeToString(sdk.getChecksumBytes()),
          ours.base64(),
          p.ours().name());
    }
  }

  @Test
  void headerNamesAreTheS3Ones() {
    assertEquals("x-amz-checksum-crc64nvme", ChecksumAlgorithm.CRC64NVME.headerName());
    assertEquals(
        ChecksumAlgorithm.CRC32C,
        ChecksumAlgorithm.fromHeaderName("x-amz-checksum-crc32c").orElseThrow());
  }
}
