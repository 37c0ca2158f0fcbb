package network.icn.gateway.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import network.icn.erasure.ErasureException;
import network.icn.erasure.ErasureScheme;

/**
 * The v1 binary encoding of every stored record. Each value starts with a format version byte;
 * decoders accept every version they know ({@link #V1} so far) and reject others with {@link
 * MetadataError#UNSUPPORTED_VERSION}. Enums are written as explicit codes, never ordinals. Object
 * records omit their bucket and key (the store key holds them); all others are self-contained.
 * Golden files under {@code src/test/resources/golden} pin these bytes.
 */
final class RecordCodec {
  static final int V1 = 1;

  private RecordCodec() {}

  // ---- buckets, tenants, keys ----

  static byte[] encodeBucket(BucketRecord bucket) {
    return new BinaryWriter(64)
        .u8(V1)
        .string(bucket.name())
        .string(bucket.ownerTenantId())
        .string(bucket.region())
        .instant(bucket.created())
        .string(bucket.scheme().toString())
        .toByteArray();
  }

  static BucketRecord decodeBucket(byte[] bytes) {
    return decode(
        bytes,
        "bucket",
        in -> new BucketRecord(in.string(), in.string(), in.string(), in.instant(), scheme(in)));
  }

  static byte[] encodeTenant(TenantRecord tenant) {
    return new BinaryWriter(64)
        .u8(V1)
        .string(tenant.tenantId())
        .string(tenant.displayName())
        .instant(tenant.created())
        .u8(
            switch (tenant.status()) {
              case ACTIVE -> 1;
              case SUSPENDED -> 2;
            })
        .toByteArray();
  }

  static TenantRecord decodeTenant(byte[] bytes) {
    return decode(
        bytes,
        "tenant",
        in ->
            new TenantRecord(
                in.string(),
                in.string(),
                in.instant(),
                switch (in.u8()) {
                  case 1 -> TenantStatus.ACTIVE;
                  case 2 -> TenantStatus.SUSPENDED;
                  default -> throw in.corrupt("unknown tenant status");
                }));
  }

  static byte[] encodeAccessKey(AccessKeyRecord key) {
    return new BinaryWriter(128)
        .u8(V1)
        .string(key.accessKeyId())
        .string(key.tenantId())
        .bytes(key.sealedSecret())
        .instant(key.created())
        .u8(
            switch (key.status()) {
              case ACTIVE -> 1;
              case REVOKED -> 2;
            })
        .toByteArray();
  }

  static AccessKeyRecord decodeAccessKey(byte[] bytes) {
    return decode(
        bytes,
        "access key",
        in ->
            new AccessKeyRecord(
                in.string(),
                in.string(),
                in.bytes(),
                in.instant(),
                switch (in.u8()) {
                  case 1 -> AccessKeyStatus.ACTIVE;
                  case 2 -> AccessKeyStatus.REVOKED;
                  default -> throw in.corrupt("unknown access key status");
                }));
  }

  // ---- queues ----

  static byte[] encodeRepair(RepairTask task) {
    BinaryWriter out =
        new BinaryWriter(64)
            .u8(V1)
            .string(task.bucket())
            .string(task.key())
            .string(task.segmentId());
    out.varInt(task.missingShards().size());
    task.missingShards().forEach(out::varInt);
    return out.string(task.reason()).instant(task.enqueued()).toByteArray();
  }

  static RepairTask decodeRepair(byte[] bytes) {
    return decode(
        bytes,
        "repair task",
        in -> {
          String bucket = in.string();
          String key = in.string();
          String segment = in.string();
          int count = in.count();
          List<Integer> missing = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            missing.add(in.varInt());
          }
          return new RepairTask(bucket, key, segment, missing, in.string(), in.instant());
        });
  }

  static byte[] encodeShardDeletion(ShardDeletion deletion) {
    return new BinaryWriter(64)
        .u8(V1)
        .string(deletion.nodeId())
        .string(deletion.shardId())
        .instant(deletion.enqueued())
        .varInt(deletion.attempts())
        .instant(deletion.notBefore())
        .toByteArray();
  }

  static ShardDeletion decodeShardDeletion(byte[] bytes) {
    return decode(
        bytes,
        "shard deletion",
        in -> new ShardDeletion(in.string(), in.string(), in.instant(), in.varInt(), in.instant()));
  }

  static byte[] encodeShardOwner(ShardOwner owner) {
    return new BinaryWriter(48)
        .u8(V1)
        .string(owner.bucket())
        .string(owner.key())
        .nullableString(owner.uploadId())
        .varInt(owner.partNumber())
        .toByteArray();
  }

  static ShardOwner decodeShardOwner(byte[] bytes) {
    return decode(
        bytes,
        "shard owner",
        in -> new ShardOwner(in.string(), in.string(), in.nullableString(), in.varInt()));
  }

  // ---- objects ----

  static byte[] encodeObject(ObjectRecord object) {
    BinaryWriter out = new BinaryWriter(256).u8(V1);
    // The summary head: ListObjects decodes only this far.
    out.varLong(object.size())
        .string(object.etag())
        .instant(object.lastModified())
        .string(object.storageClass());
    writeChecksums(out, object.checksums());
    writeHeaders(out, object.headers());
    out.map(object.userMetadata());
    writeEncryption(out, object.encryption());
    ObjectLayout layout = object.layout();
    out.string(layout.scheme().toString()).nullableBytes(layout.inlineData());
    writeSegments(out, layout.segments());
    out.varInt(layout.parts().size());
    for (PartBoundary part : layout.parts()) {
      out.varInt(part.partNumber()).varLong(part.size()).string(part.etag());
      writeChecksums(out, part.checksums());
    }
    return out.toByteArray();
  }

  static ObjectRecord decodeObject(String bucket, String key, byte[] bytes) {
    return decode(
        bytes,
        "object",
        in -> {
          long size = in.varLong();
          String etag = in.string();
          var lastModified = in.instant();
          String storageClass = in.string();
          Checksums checksums = readChecksums(in);
          ContentHeaders headers = readHeaders(in);
          var userMetadata = in.map();
          EncryptionHeader encryption = readEncryption(in);
          ErasureScheme scheme = scheme(in);
          byte[] inline = in.nullableBytes();
          List<SegmentRecord> segments = readSegments(in);
          int partCount = in.count();
          List<PartBoundary> parts = new ArrayList<>(partCount);
          for (int i = 0; i < partCount; i++) {
            parts.add(new PartBoundary(in.varInt(), in.varLong(), in.string(), readChecksums(in)));
          }
          return new ObjectRecord(
              bucket,
              key,
              size,
              etag,
              lastModified,
              storageClass,
              checksums,
              headers,
              userMetadata,
              encryption,
              new ObjectLayout(scheme, inline, segments, parts));
        });
  }

  /** Decodes only the summary head of an object record; the rest is not looked at. */
  static ObjectSummary decodeSummary(String key, byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes, "object");
    version(in);
    try {
      return new ObjectSummary(
          key, in.varLong(), in.string(), in.instant(), in.string(), readChecksums(in));
    } catch (MetadataException e) {
      throw e.error() == MetadataError.INVALID_RECORD ? in.corrupt(e.getMessage()) : e;
    }
  }

  static byte[] encodeUpload(MultipartUploadRecord upload) {
    BinaryWriter out =
        new BinaryWriter(128)
            .u8(V1)
            .string(upload.uploadId())
            .string(upload.bucket())
            .string(upload.key())
            .instant(upload.initiated())
            .string(upload.ownerTenantId())
            .string(upload.storageClass());
    writeHeaders(out, upload.headers());
    out.map(upload.userMetadata()).nullableString(upload.checksumAlgorithm());
    out.u8(checksumTypeCode(upload.checksumType())).string(upload.scheme().toString());
    writeEncryption(out, upload.encryption());
    return out.toByteArray();
  }

  static MultipartUploadRecord decodeUpload(byte[] bytes) {
    return decode(
        bytes,
        "multipart upload",
        in ->
            new MultipartUploadRecord(
                in.string(),
                in.string(),
                in.string(),
                in.instant(),
                in.string(),
                in.string(),
                readHeaders(in),
                in.map(),
                in.nullableString(),
                checksumType(in),
                scheme(in),
                readEncryption(in)));
  }

  static byte[] encodePart(PartRecord part) {
    BinaryWriter out =
        new BinaryWriter(256)
            .u8(V1)
            .string(part.uploadId())
            .varInt(part.partNumber())
            .varLong(part.size())
            .string(part.etag());
    writeChecksums(out, part.checksums());
    out.instant(part.lastModified());
    writeSegments(out, part.segments());
    return out.toByteArray();
  }

  static PartRecord decodePart(byte[] bytes) {
    return decode(
        bytes,
        "part",
        in -> {
          String uploadId = in.string();
          int number = in.varInt();
          long size = in.varLong();
          String etag = in.string();
          Checksums checksums = readChecksums(in);
          var lastModified = in.instant();
          return new PartRecord(
              uploadId, number, size, etag, checksums, readSegments(in), lastModified);
        });
  }

  // ---- shared pieces ----

  private static void writeChecksums(BinaryWriter out, Checksums checksums) {
    out.u8(checksumTypeCode(checksums.type())).map(checksums.values());
  }

  private static Checksums readChecksums(BinaryReader in) {
    ChecksumType type = checksumType(in);
    return new Checksums(in.map(), type);
  }

  private static int checksumTypeCode(ChecksumType type) {
    return switch (type) {
      case FULL_OBJECT -> 1;
      case COMPOSITE -> 2;
    };
  }

  private static ChecksumType checksumType(BinaryReader in) {
    return switch (in.u8()) {
      case 1 -> ChecksumType.FULL_OBJECT;
      case 2 -> ChecksumType.COMPOSITE;
      default -> throw in.corrupt("unknown checksum type");
    };
  }

  private static void writeHeaders(BinaryWriter out, ContentHeaders headers) {
    out.nullableString(headers.contentType())
        .nullableString(headers.contentEncoding())
        .nullableString(headers.contentDisposition())
        .nullableString(headers.contentLanguage())
        .nullableString(headers.cacheControl())
        .nullableString(headers.expires());
  }

  private static ContentHeaders readHeaders(BinaryReader in) {
    return new ContentHeaders(
        in.nullableString(),
        in.nullableString(),
        in.nullableString(),
        in.nullableString(),
        in.nullableString(),
        in.nullableString());
  }

  /** A presence byte, then the header; a later version may add fields after its own fields. */
  private static void writeEncryption(BinaryWriter out, EncryptionHeader encryption) {
    if (encryption == null) {
      out.u8(0);
      return;
    }
    out.u8(1)
        .string(encryption.algorithm())
        .string(encryption.keyId())
        .bytes(encryption.wrappedKey());
  }

  private static EncryptionHeader readEncryption(BinaryReader in) {
    return switch (in.u8()) {
      case 0 -> null;
      case 1 -> new EncryptionHeader(in.string(), in.string(), in.bytes());
      default -> throw in.corrupt("unknown encryption header presence code");
    };
  }

  private static void writeSegments(BinaryWriter out, List<SegmentRecord> segments) {
    out.varInt(segments.size());
    for (SegmentRecord segment : segments) {
      out.string(segment.segmentId()).varLong(segment.dataLength()).varInt(segment.shards().size());
      for (ShardRecord shard : segment.shards()) {
        out.u8(shard.shardIndex())
            .string(shard.nodeId())
            .string(shard.shardId())
            .varLong(shard.shardSize())
            .raw(shard.merkleRoot())
            .varInt(shard.chunkCount());
        for (int stripe = 0; stripe < shard.chunkCount(); stripe++) {
          out.int32(shard.chunkCrc32c(stripe));
        }
      }
    }
  }

  private static List<SegmentRecord> readSegments(BinaryReader in) {
    int count = in.count();
    List<SegmentRecord> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String segmentId = in.string();
      long dataLength = in.varLong();
      int shardCount = in.count();
      List<ShardRecord> shards = new ArrayList<>(shardCount);
      for (int s = 0; s < shardCount; s++) {
        int index = in.u8();
        String nodeId = in.string();
        String shardId = in.string();
        long shardSize = in.varLong();
        byte[] root = in.raw(ShardRecord.MERKLE_ROOT_BYTES);
        int chunks = in.count();
        int[] crcs = new int[chunks];
        for (int c = 0; c < chunks; c++) {
          crcs[c] = in.int32();
        }
        shards.add(new ShardRecord(index, nodeId, shardId, shardSize, root, crcs));
      }
      segments.add(new SegmentRecord(segmentId, dataLength, shards));
    }
    return segments;
  }

  private static ErasureScheme scheme(BinaryReader in) {
    String text = in.string();
    try {
      return ErasureScheme.parse(text);
    } catch (ErasureException e) {
      throw in.corrupt("bad erasure scheme '" + text + "'");
    }
  }

  private static int version(BinaryReader in) {
    int version = in.u8();
    if (version != V1) {
      throw new MetadataException(
          MetadataError.UNSUPPORTED_VERSION,
          "record format version " + version + " is not supported (this build reads v" + V1 + ")");
    }
    return version;
  }

  /**
   * Reads the version, decodes with {@code body} and checks that no bytes are left. Validation
   * failures of decoded values are corruption, not caller errors.
   */
  private static <T> T decode(byte[] bytes, String what, Function<BinaryReader, T> body) {
    BinaryReader in = new BinaryReader(bytes, what);
    version(in);
    try {
      T value = body.apply(in);
      in.end();
      return value;
    } catch (MetadataException e) {
      throw e.error() == MetadataError.INVALID_RECORD ? in.corrupt(e.getMessage()) : e;
    }
  }
}
