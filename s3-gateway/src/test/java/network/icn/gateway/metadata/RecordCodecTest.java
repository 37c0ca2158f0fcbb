package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  @Test
  void everyRecordTypeRoundTrips() {
    BucketRecord bucket = Fixtures.bucket("photos", "tenant-42");
    assertEquals(bucket, RecordCodec.decodeBucket(RecordCodec.encodeBucket(bucket)));
    assertEquals(
        Fixtures.tenant(), RecordCodec.decodeTenant(RecordCodec.encodeTenant(Fixtures.tenant())));
    assertEquals(
        Fixtures.accessKey(),
        RecordCodec.decodeAccessKey(RecordCodec.encodeAccessKey(Fixtures.accessKey())));
    assertEquals(
        Fixtures.repair(), RecordCodec.decodeRepair(RecordCodec.encodeRepair(Fixtures.repair())));
    assertEquals(
        Fixtures.shardDeletion(),
        RecordCodec.decodeShardDeletion(RecordCodec.encodeShardDeletion(Fixtures.shardDeletion())));
    ObjectRecord full = Fixtures.fullObject();
    assertEquals(
        full, RecordCodec.decodeObject(full.bucket(), full.key(), RecordCodec.encodeObject(full)));
    ObjectRecord inline = Fixtures.inlineObject("photos", "tiny", "\"e\"");
    assertEquals(
        inline, RecordCodec.decodeObject("photos", "tiny", RecordCodec.encodeObject(inline)));
    MultipartUploadRecord upload = Fixtures.upload("photos", "big.bin", "u-1");
    assertEquals(upload, RecordCodec.decodeUpload(RecordCodec.encodeUpload(upload)));
    PartRecord part = Fixtures.part("u-1", 7, "p7");
    assertEquals(part, RecordCodec.decodePart(RecordCodec.encodePart(part)));
  }

  @Test
  void summaryDecodesFromTheHeadOfTheObjectRecord() {
    ObjectRecord full = Fixtures.fullObject();
    byte[] bytes = RecordCodec.encodeObject(full);
    assertEquals(full.summary(), RecordCodec.decodeSummary(full.key(), bytes));
  }

  @Test
  void userMetadataEncodesInNameOrderWhateverTheInputOrder() {
    ObjectRecord full = Fixtures.fullObject();
    assertEquals(
        java.util.List.of("author", "empty", "zeta"),
        java.util.List.copyOf(full.userMetadata().keySet()));
  }

  @Test
  void unknownVersionIsRejectedWithUnsupportedVersion() {
    byte[] bytes = RecordCodec.encodeTenant(Fixtures.tenant());
    bytes[0] = 2;
    MetadataException e =
        assertThrows(MetadataException.class, () -> RecordCodec.decodeTenant(bytes));
    assertEquals(MetadataError.UNSUPPORTED_VERSION, e.error());
  }

  @Test
  void truncatedRecordIsCorrupt() {
    ObjectRecord full = Fixtures.fullObject();
    byte[] bytes = RecordCodec.encodeObject(full);
    for (int cut : new int[] {1, 5, bytes.length / 2, bytes.length - 1}) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      MetadataException e =
          assertThrows(
              MetadataException.class, () -> RecordCodec.decodeObject("photos", "k", truncated));
      assertEquals(MetadataError.CORRUPT_RECORD, e.error(), "cut at " + cut);
    }
  }

  @Test
  void trailingBytesAreCorrupt() {
    byte[] bytes = RecordCodec.encodeBucket(Fixtures.bucket("photos", "t"));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    MetadataException e =
        assertThrows(MetadataException.class, () -> RecordCodec.decodeBucket(longer));
    assertEquals(MetadataError.CORRUPT_RECORD, e.error());
  }

  @Test
  void decodedValuesThatFailValidationAreCorruptNotInvalid() {
    byte[] bytes = RecordCodec.encodeTenant(Fixtures.tenant());
    bytes[bytes.length - 1] = 9; // unknown status code
    assertEquals(
        MetadataError.CORRUPT_RECORD,
        assertThrows(MetadataException.class, () -> RecordCodec.decodeTenant(bytes)).error());
    byte[] bucket = RecordCodec.encodeBucket(Fixtures.bucket("photos", "t"));
    bucket[2] = 'P'; // upper case is not a valid bucket name
    assertEquals(
        MetadataError.CORRUPT_RECORD,
        assertThrows(MetadataException.class, () -> RecordCodec.decodeBucket(bucket)).error());
  }

  @Test
  void chunkCrcsAreStoredAsFourBytesEach() {
    byte[] one = RecordCodec.encodePart(partWithChunks(1));
    byte[] many = RecordCodec.encodePart(partWithChunks(101));
    assertEquals(400, many.length - one.length);
  }

  private static PartRecord partWithChunks(int chunks) {
    ShardRecord shard = new ShardRecord(0, "n", "s", 4096, Fixtures.root(1), new int[chunks]);
    SegmentRecord segment = new SegmentRecord("seg", 10, java.util.List.of(shard));
    return new PartRecord(
        "u", 1, 10, "\"e\"", Checksums.NONE, java.util.List.of(segment), Fixtures.T0);
  }
}
