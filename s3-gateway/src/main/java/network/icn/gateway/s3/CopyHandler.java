package network.icn.gateway.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.object.ByteRange;
import network.icn.gateway.object.CopyObjectRequest;
import network.icn.gateway.object.CopyObjectRequest.MetadataDirective;
import network.icn.gateway.object.CopySource;
import network.icn.gateway.object.MultipartStore;
import network.icn.gateway.object.ObjectStore;
import network.icn.gateway.object.UploadPartRequest;

/**
 * CopyObject and UploadPartCopy: {@code x-amz-copy-source} (URL-encoded {@code bucket/key}, an
 * optional leading slash, an optional {@code ?versionId=}), the four {@code x-amz-copy-source-if-*}
 * conditions with S3's precedence, tenancy on source and destination.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html">CopyObject</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html">UploadPartCopy</a>
 */
final class CopyHandler {
  /** S3's largest copy source for CopyObject: 5 GiB. */
  static final long MAX_COPY_BYTES = 5L << 30;

  private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d{1,19})-(\\d{1,19})");

  private final ObjectStore objects;
  private final MultipartStore multipart;
  private final MetadataStore metadata;
  private final BucketAccess access;

  CopyHandler(
      ObjectStore objects, MultipartStore multipart, MetadataStore metadata, BucketAccess access) {
    this.objects = Objects.requireNonNull(objects, "objects");
    this.multipart = Objects.requireNonNull(multipart, "multipart");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
  }

  /** The decoded {@code x-amz-copy-source}. */
  record SourceRef(String bucket, String key) {}

  void copyObject(S3Request request, String bucket, String key, String copySource) {
    access.owned(bucket, request.tenantId());
    SourceRef ref = parseSource(copySource);
    access.owned(ref.bucket(), request.tenantId());
    MetadataDirective directive = directive(request);
    String storageClass = request.header("x-amz-storage-class").orElse("STANDARD");
    if (!storageClass.equals("STANDARD")) {
      throw new S3Exception(S3Error.INVALID_STORAGE_CLASS);
    }
    Optional<ChecksumAlgorithm> algorithm =
        request.header("x-amz-checksum-algorithm").map(MultipartHandler::algorithm);
    ObjectRecord src = objects.head(ref.bucket(), ref.key());
    checkSourceConditions(request, src);
    if (src.size() > MAX_COPY_BYTES) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "The specified copy source is larger than the maximum allowable size for a copy source: "
              + MAX_COPY_BYTES);
    }
    boolean self = ref.bucket().equals(bucket) && ref.key().equals(key);
    if (self
        && directive == MetadataDirective.COPY
        && storageClass.equals(src.storageClass())
        && algorithm.isEmpty()) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "This copy request is illegal because it is trying to copy an object to itself without"
              + " changing the object's metadata, storage class, website redirect location or"
              + " encryption attributes.");
    }
    boolean replace = directive == MetadataDirective.REPLACE;
    ObjectRecord copied =
        objects.copyObject(
            new CopyObjectRequest(
                pinned(ref, src, Optional.empty()),
                bucket,
                key,
                directive,
                replace ? ObjectWriteHandler.contentHeaders(request) : ContentHeaders.NONE,
                replace ? ObjectWriteHandler.userMetadata(request) : java.util.Map.of(),
                storageClass,
                algorithm,
                ObjectWriteHandler.writePrecondition(request)));
    XmlWriter xml =
        XmlWriter.root("CopyObjectResult")
            .element("ETag", copied.etag())
            .element("LastModified", Responses.iso(copied.lastModified()));
    MultipartHandler.checksumElements(copied.checksums(), xml);
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  void uploadPartCopy(
      S3Request request,
      String bucket,
      String key,
      String uploadId,
      int partNumber,
      String copySource) {
    access.owned(bucket, request.tenantId());
    SourceRef ref = parseSource(copySource);
    access.owned(ref.bucket(), request.tenantId());
    if (metadata.getMultipartUpload(bucket, key, uploadId).isEmpty()) {
      throw new S3Exception(S3Error.NO_SUCH_UPLOAD);
    }
    ObjectRecord src = objects.head(ref.bucket(), ref.key());
    checkSourceConditions(request, src);
    Optional<ByteRange> range =
        request.header("x-amz-copy-source-range").map(h -> copyRange(h, src.size()));
    PartRecord part =
        multipart.uploadPartCopy(
            UploadPartRequest.of(bucket, key, uploadId, partNumber, -1), pinned(ref, src, range));
    XmlWriter xml =
        XmlWriter.root("CopyPartResult")
            .element("ETag", part.etag())
            .element("LastModified", Responses.iso(part.lastModified()));
    part.checksums().values().forEach((a, v) -> xml.element("Checksum" + a, v));
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  /**
   * The source as checked: the object layer re-checks its ETag, so a source replaced between the
   * conditions and the read fails with PreconditionFailed instead of copying other bytes.
   */
  private static CopySource pinned(SourceRef ref, ObjectRecord src, Optional<ByteRange> range) {
    return new CopySource(ref.bucket(), ref.key(), range, Precondition.ifMatch(src.etag()));
  }

  /**
   * {@code bucket/key}, URL-encoded, optionally with a leading slash and {@code ?versionId=}. A
   * version other than {@code null} does not exist here (no versioning): NoSuchVersion.
   */
  static SourceRef parseSource(String header) {
    String value = header.strip();
    String query = "";
    int q = value.indexOf('?');
    if (q >= 0) {
      query = value.substring(q + 1);
      value = value.substring(0, q);
    }
    String path = UriCodec.decode(value, false);
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw new S3Exception(
          S3Error.INVALID_ARGUMENT,
          "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
    }
    for (String piece : query.split("&")) {
      if (piece.startsWith("versionId=")) {
        String version = UriCodec.decode(piece.substring("versionId=".length()), true);
        if (!version.equals("null")) {
          throw new S3Exception(S3Error.NO_SUCH_VERSION);
        }
      }
    }
    return new SourceRef(path.substring(0, slash), path.substring(slash + 1));
  }

  /**
   * S3's precedence: a matching {@code if-match} makes {@code if-unmodified-since} moot, a failing
   * {@code if-none-match} decides regardless of {@code if-modified-since}; every failure is 412.
   */
  static void checkSourceConditions(S3Request request, ObjectRecord src) {
    Optional<String> ifMatch = request.header("x-amz-copy-source-if-match");
    Optional<String> ifNoneMatch = request.header("x-amz-copy-source-if-none-match");
    Instant modified = src.lastModified().truncatedTo(ChronoUnit.SECONDS);
    if (ifMatch.isPresent()) {
      if (!ObjectReadHandler.etagMatches(ifMatch.get(), src.etag())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    } else {
      Optional<Instant> since =
          request.header("x-amz-copy-source-if-unmodified-since").flatMap(ObjectReadHandler::date);
      if (since.isPresent() && modified.isAfter(since.get())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    }
    if (ifNoneMatch.isPresent()) {
      if (ObjectReadHandler.etagMatches(ifNoneMatch.get(), src.etag())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    } else {
      Optional<Instant> since =
          request.header("x-amz-copy-source-if-modified-since").flatMap(ObjectReadHandler::date);
      if (since.isPresent() && !modified.isAfter(since.get())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    }
  }

  private static MetadataDirective directive(S3Request request) {
    String value = request.header("x-amz-metadata-directive").orElse("COPY");
    return switch (value) {
      case "COPY" -> MetadataDirective.COPY;
      case "REPLACE" -> MetadataDirective.REPLACE;
      default -> throw new S3Exception(S3Error.INVALID_ARGUMENT, "Unknown metadata directive.");
    };
  }

  /** {@code bytes=first-last}, both inside the source. */
  private static ByteRange copyRange(String header, long size) {
    Matcher m = COPY_RANGE.matcher(header.strip());
    if (!m.matches()) {
      throw new S3Exception(
          S3Error.INVALID_ARGUMENT,
          "The x-amz-copy-source-range value must be of the form bytes=first-last where first and"
              + " last are the zero-based offsets of the first and last bytes to copy");
    }
    long first;
    long last;
    try {
      first = Long.parseLong(m.group(1));
      last = Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      first = Long.MAX_VALUE;
      last = 0;
    }
    if (first > last || last >= size) {
      throw new S3Exception(
          S3Error.INVALID_ARGUMENT,
          "Range specified is not valid for source object of size: " + size);
    }
    return new ByteRange.FromTo(first, last);
  }
}
