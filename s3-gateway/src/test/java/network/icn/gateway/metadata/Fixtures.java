package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.icn.erasure.ErasureScheme;

/** Deterministic, fully populated records for codec, golden and store tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123456789Z");
  static final ErasureScheme RS_4_2 = ErasureScheme.parse("rs-4-2-256k");

  private Fixtures() {}

  static byte[] root(int seed) {
    byte[] root = new byte[32];
    for (int i = 0; i < root.length; i++) {
      root[i] = (byte) (seed * 31 + i * 7);
    }
    return root;
  }

  static BucketRecord bucket(String name, String owner) {
    return new BucketRecord(name, owner, "eu-central-1", T0, RS_4_2);
  }

  static TenantRecord tenant() {
    return new TenantRecord("tenant-42", "Acme GmbH (Zürich)", T0, TenantStatus.ACTIVE);
  }

  static AccessKeyRecord accessKey() {
    byte[] sealed = new byte[45];
    for (int i = 0; i < sealed.length; i++) {
      sealed[i] = (byte) (i * 13 + 1);
    }
    return new AccessKeyRecord(
        "AKIAICN0000000000001", "tenant-42", sealed, T0, AccessKeyStatus.REVOKED);
  }

  static RepairTask repair() {
    return new RepairTask(
        "photos", "2026/ä/img 1.jpg", "seg-0001", List.of(1, 4, 5), "WRITE_QUORUM_PARTIAL", T0);
  }

  static ShardDeletion shardDeletion() {
    return new ShardDeletion("0xnode-a", "shard-9f", T0, 3, T0.plusSeconds(600));
  }

  /** Shards 0..width-1 of a segment, with {@code chunks} CRCs each. */
  static List<ShardRecord> shards(String segmentId, int width, long shardSize, int chunks) {
    List<ShardRecord> out = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      int[] crcs = new int[chunks];
      for (int c = 0; c < chunks; c++) {
        crcs[c] = (i + 1) * 0x01000193 ^ c * 0x9E3779B9;
      }
      out.add(new ShardRecord(i, "0xnode-" + i, segmentId + "-s" + i, shardSize, root(i), crcs));
    }
    return out;
  }

  static SegmentRecord segment(String segmentId, long dataLength) {
    long stripe = RS_4_2.stripeDataSize();
    int chunks = (int) ((dataLength + stripe - 1) / stripe);
    return new SegmentRecord(
        segmentId, dataLength, shards(segmentId, 6, (long) chunks * RS_4_2.chunkSize(), chunks));
  }

  static Map<String, String> userMetadata() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("zeta", "last");
    meta.put("author", "Zoë 日本");
    meta.put("empty", "");
    return meta;
  }

  static ContentHeaders fullHeaders() {
    return new ContentHeaders(
        "image/jpeg",
        "gzip",
        "attachment; filename=\"ä.jpg\"",
        "de-CH",
        "max-age=3600",
        "Thu, 01 Dec 2026 16:00:00 GMT");
  }

  /** A completed two-part multipart object with every optional field set. */
  static ObjectRecord fullObject() {
    SegmentRecord first = segment("p1-seg0", 5L << 20);
    SegmentRecord second = segment("p2-seg0", 1234567);
    Checksums partOne = new Checksums(Map.of("CRC32C", "yZRlqg=="), ChecksumType.COMPOSITE);
    Checksums partTwo = new Checksums(Map.of("CRC32C", "AAAAAA=="), ChecksumType.COMPOSITE);
    ObjectLayout layout =
        new ObjectLayout(
            RS_4_2,
            null,
            List.of(first, second),
            List.of(
                new PartBoundary(1, 5L << 20, "\"0123456789abcdef0123456789abcdef\"", partOne),
                new PartBoundary(3, 1234567, "\"fedcba9876543210fedcba9876543210\"", partTwo)));
    return new ObjectRecord(
        "photos",
        "2026/ä/img 1.jpg",
        (5L << 20) + 1234567,
        "\"aabbccddeeff00112233445566778899-2\"",
        T0,
        "STANDARD",
        new Checksums(
            Map.of(
                "CRC32C", "q83vEg==-2", "SHA256", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=-2"),
            ChecksumType.COMPOSITE),
        fullHeaders(),
        userMetadata(),
        new EncryptionHeader(
            "AES256-GCM-CHUNKED", "kek-2026-11", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
        layout);
  }

  /** A small object stored inline. */
  static ObjectRecord inlineObject(String bucket, String key, String etag) {
    byte[] data = ("data of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new ObjectRecord(
        bucket,
        key,
        data.length,
        etag,
        T0,
        "STANDARD",
        Checksums.NONE,
        ContentHeaders.NONE,
        Map.of(),
        null,
        ObjectLayout.inline(RS_4_2, data));
  }

  /** A one-segment object whose shards are named after {@code tag}. */
  static ObjectRecord segmentedObject(String bucket, String key, String tag) {
    SegmentRecord segment = segment(tag, 1000);
    return new ObjectRecord(
        bucket,
        key,
        1000,
        "\"" + tag + "\"",
        T0,
        "STANDARD",
        Checksums.fullObject("CRC32C", "AAAAAA=="),
        ContentHeaders.ofType("application/octet-stream"),
        Map.of(),
        null,
        ObjectLayout.segmented(RS_4_2, List.of(segment)));
  }

  static MultipartUploadRecord upload(String bucket, String key, String uploadId) {
    return new MultipartUploadRecord(
        uploadId,
        bucket,
        key,
        T0,
        "tenant-42",
        "STANDARD",
        fullHeaders(),
        userMetadata(),
        "CRC32C",
        ChecksumType.COMPOSITE,
        RS_4_2,
        null);
  }

  static PartRecord part(String uploadId, int number, String tag) {
    SegmentRecord segment = segment(tag, 5L << 20);
    return new PartRecord(
        uploadId,
        number,
        5L << 20,
        "\"" + tag + "\"",
        new Checksums(Map.of("CRC32C", "yZRlqg=="), ChecksumType.FULL_OBJECT),
        List.of(segment),
        T0);
  }
}
