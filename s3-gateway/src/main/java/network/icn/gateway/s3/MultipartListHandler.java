package network.icn.gateway.s3;

import java.util.Objects;
import java.util.function.UnaryOperator;
import network.icn.gateway.metadata.ListUploadsQuery;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.MultipartUploadRecord;
import network.icn.gateway.metadata.PartListing;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.TenantRecord;
import network.icn.gateway.metadata.UploadListing;
import network.icn.gateway.object.MultipartStore;

/**
 * ListParts (part-number-marker, max-parts) and ListMultipartUploads (prefix, delimiter,
 * key-marker, upload-id-marker, max-uploads, {@code encoding-type=url}).
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html">ListParts</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html">ListMultipartUploads</a>
 */
final class MultipartListHandler {
  private static final int MAX_PAGE = 1000;

  private final MultipartStore multipart;
  private final MetadataStore metadata;
  private final BucketAccess access;

  MultipartListHandler(MultipartStore multipart, MetadataStore metadata, BucketAccess access) {
    this.multipart = Objects.requireNonNull(multipart, "multipart");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
  }

  void listParts(S3Request request, String bucket, String key, String uploadId) {
    access.owned(bucket, request.tenantId());
    int maxParts = count(request, "max-parts");
    int marker = count(request, "part-number-marker", 0);
    MultipartUploadRecord upload =
        metadata
            .getMultipartUpload(bucket, key, uploadId)
            .orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_UPLOAD));
    PartListing page = multipart.listParts(bucket, key, uploadId, marker, maxParts);
    XmlWriter xml =
        XmlWriter.root("ListPartsResult")
            .element("Bucket", bucket)
            .element("Key", key)
            .element("UploadId", uploadId)
            .element("PartNumberMarker", marker);
    if (!page.parts().isEmpty()) {
      xml.element("NextPartNumberMarker", page.parts().getLast().partNumber());
    }
    xml.element("MaxParts", maxParts).element("IsTruncated", page.truncated());
    for (PartRecord part : page.parts()) {
      xml.start("Part")
          .element("PartNumber", part.partNumber())
          .element("LastModified", Responses.iso(part.lastModified()))
          .element("ETag", part.etag())
          .element("Size", part.size());
      part.checksums().values().forEach((a, v) -> xml.element("Checksum" + a, v));
      xml.end();
    }
    initiator(xml, upload.ownerTenantId());
    BucketHandler.owner(xml, metadata, upload.ownerTenantId());
    xml.element("StorageClass", upload.storageClass());
    if (upload.checksumAlgorithm() != null) {
      xml.element("ChecksumAlgorithm", upload.checksumAlgorithm())
          .element("ChecksumType", upload.checksumType().name());
    }
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  void listMultipartUploads(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    String prefix = request.param("prefix").orElse("");
    String delimiter = request.param("delimiter").orElse("");
    String keyMarker = request.param("key-marker").orElse("");
    // S3 ignores upload-id-marker without key-marker.
    String uploadIdMarker = keyMarker.isEmpty() ? "" : request.param("upload-id-marker").orElse("");
    int maxUploads = count(request, "max-uploads");
    UnaryOperator<String> enc = encoder(request);
    UploadListing page =
        multipart.listMultipartUploads(
            bucket, new ListUploadsQuery(prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
    XmlWriter xml =
        XmlWriter.root("ListMultipartUploadsResult")
            .element("Bucket", bucket)
            .element("KeyMarker", enc.apply(keyMarker))
            .element("UploadIdMarker", uploadIdMarker);
    if (page.truncated()) {
      xml.element("NextKeyMarker", enc.apply(page.nextKeyMarker()))
          .element("NextUploadIdMarker", page.nextUploadIdMarker());
    }
    if (!delimiter.isEmpty()) {
      xml.element("Delimiter", enc.apply(delimiter));
    }
    xml.element("Prefix", enc.apply(prefix))
        .element("MaxUploads", maxUploads)
        .element("IsTruncated", page.truncated());
    for (MultipartUploadRecord u : page.uploads()) {
      xml.start("Upload").element("Key", enc.apply(u.key())).element("UploadId", u.uploadId());
      initiator(xml, u.ownerTenantId());
      BucketHandler.owner(xml, metadata, u.ownerTenantId());
      xml.element("StorageClass", u.storageClass())
          .element("Initiated", Responses.iso(u.initiated()));
      if (u.checksumAlgorithm() != null) {
        xml.element("ChecksumAlgorithm", u.checksumAlgorithm())
            .element("ChecksumType", u.checksumType().name());
      }
      xml.end();
    }
    for (String p : page.commonPrefixes()) {
      xml.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
    }
    if (request.param("encoding-type").isPresent()) {
      xml.element("EncodingType", "url");
    }
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  private void initiator(XmlWriter xml, String tenantId) {
    String display = metadata.getTenant(tenantId).map(TenantRecord::displayName).orElse(tenantId);
    xml.start("Initiator").element("ID", tenantId).element("DisplayName", display).end();
  }

  private static UnaryOperator<String> encoder(S3Request request) {
    String type = request.param("encoding-type").orElse(null);
    if (type == null) {
      return s -> s;
    }
    if (!type.equals("url")) {
      throw new S3Exception(
          S3Error.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
    }
    return UriCodec::encode;
  }

  /** {@code max-parts} / {@code max-uploads}: 0..1000 (larger values are capped), default 1000. */
  private static int count(S3Request request, String name) {
    return Math.min(count(request, name, MAX_PAGE), MAX_PAGE);
  }

  private static int count(S3Request request, String name, int fallback) {
    String value = request.param(name).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new S3Exception(
        S3Error.INVALID_ARGUMENT, "Provided " + name + " not an integer or within integer range");
  }
}
