package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The format-break alarm: v1 encodings of fully populated records are checked in under {@code
 * src/test/resources/golden/v1}. They must keep decoding to the same values and re-encoding to the
 * same bytes. A failure here means stored data would no longer read: add a new version instead of
 * changing v1. The files were written once with {@code -Dgolden.write=true}; never regenerate v1.
 */
class GoldenRecordsTest {
  private static final boolean WRITE = Boolean.getBoolean("golden.write");

  private static <T> void check(
      String name, T expected, Function<T, byte[]> encode, Function<byte[], T> decode)
      throws IOException {
    byte[] encoded = encode.apply(expected);
    if (WRITE) {
      Path file = Path.of("src/test/resources/golden/v1", name + ".hex");
      Files.createDirectories(file.getParent());
      Files.writeString(file, hexLines(encoded), StandardCharsets.US_ASCII);
    }
    byte[] golden = WRITE ? encoded : read(name);
    assertEquals(expected, decode.apply(golden), name + " no longer decodes to the same value");
    assertArrayEquals(golden, encoded, name + " no longer encodes to the golden bytes");
  }

  private static String hexLines(byte[] bytes) {
    String hex = HexFormat.of().formatHex(bytes);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 64) {
      out.append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
    }
    return out.toString();
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in =
        GoldenRecordsTest.class.getResourceAsStream("/golden/v1/" + name + ".hex")) {
      assertNotNull(in, "missing golden file " + name);
      String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
      return HexFormat.of().parseHex(hex);
    }
  }

  @Test
  void bucketV1StillDecodes() throws IOException {
    check(
        "bucket",
        Fixtures.bucket("photos", "tenant-42"),
        RecordCodec::encodeBucket,
        RecordCodec::decodeBucket);
  }

  @Test
  void tenantV1StillDecodes() throws IOException {
    check("tenant", Fixtures.tenant(), RecordCodec::encodeTenant, RecordCodec::decodeTenant);
  }

  @Test
  void accessKeyV1StillDecodes() throws IOException {
    check(
        "access-key",
        Fixtures.accessKey(),
        RecordCodec::encodeAccessKey,
        RecordCodec::decodeAccessKey);
  }

  @Test
  void repairTaskV1StillDecodes() throws IOException {
    check("repair-task", Fixtures.repair(), RecordCodec::encodeRepair, RecordCodec::decodeRepair);
  }

  @Test
  void shardDeletionV1StillDecodes() throws IOException {
    check(
        "shard-deletion",
        Fixtures.shardDeletion(),
        RecordCodec::encodeShardDeletion,
        RecordCodec::decodeShardDeletion);
  }

  @Test
  void fullMultipartObjectV1StillDecodes() throws IOException {
    ObjectRecord full = Fixtures.fullObject();
    check(
        "object-full",
        full,
        RecordCodec::encodeObject,
        bytes -> RecordCodec.decodeObject(full.bucket(), full.key(), bytes));
  }

  @Test
  void inlineObjectV1StillDecodes() throws IOException {
    check(
        "object-inline",
        Fixtures.inlineObject("photos", "tiny", "\"e\""),
        RecordCodec::encodeObject,
        bytes -> RecordCodec.decodeObject("photos", "tiny", bytes));
  }

  @Test
  void multipartUploadV1StillDecodes() throws IOException {
    check(
        "upload",
        Fixtures.upload("photos", "big.bin", "u-1"),
        RecordCodec::encodeUpload,
        RecordCodec::decodeUpload);
  }

  @Test
  void partV1StillDecodes() throws IOException {
    check("part", Fixtures.part("u-1", 7, "p7"), RecordCodec::encodePart, RecordCodec::decodePart);
  }
}
