package network.icn.gateway.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;
import network.icn.gateway.metadata.ListObjectsQuery;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.ObjectListing;
import network.icn.gateway.metadata.ObjectSummary;

/**
 * ListObjects (V1, marker) and ListObjectsV2 (continuation token, start-after, fetch-owner). With
 * {@code encoding-type=url} the elements S3 documents as encoded are URL-encoded: keys, prefixes
 * (query and common), the delimiter, and V1's markers / V2's StartAfter.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html">ListObjectsV2</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html">ListObjects</a>
 */
final class ListHandler {
  private static final String TOKEN_PREFIX = "icn1:";

  private final MetadataStore metadata;
  private final BucketAccess access;

  ListHandler(MetadataStore metadata, BucketAccess access) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
  }

  void listObjects(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    String prefix = request.param("prefix").orElse("");
    String delimiter = request.param("delimiter").orElse("");
    String marker = request.param("marker").orElse("");
    int maxKeys = maxKeys(request);
    UnaryOperator<String> enc = encoder(request);
    ObjectListing page =
        metadata.listObjects(bucket, new ListObjectsQuery(prefix, delimiter, marker, maxKeys));
    XmlWriter xml =
        XmlWriter.root("ListBucketResult")
            .element("Name", bucket)
            .element("Prefix", enc.apply(prefix))
            .element("Marker", enc.apply(marker))
            .element("MaxKeys", maxKeys);
    if (!delimiter.isEmpty()) {
      xml.element("Delimiter", enc.apply(delimiter));
    }
    xml.element("IsTruncated", page.truncated());
    if (page.truncated() && !delimiter.isEmpty()) {
      xml.element("NextMarker", enc.apply(page.nextMarker()));
    }
    contents(xml, page, enc, request.tenantId(), true);
    encodingType(xml, request);
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  void listObjectsV2(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    String prefix = request.param("prefix").orElse("");
    String delimiter = request.param("delimiter").orElse("");
    String startAfter = request.param("start-after").orElse("");
    String token = request.param("continuation-token").orElse(null);
    boolean fetchOwner = request.param("fetch-owner").orElse("false").equals("true");
    int maxKeys = maxKeys(request);
    UnaryOperator<String> enc = encoder(request);
    String marker = token != null ? decodeToken(token) : startAfter;
    ObjectListing page =
        metadata.listObjects(bucket, new ListObjectsQuery(prefix, delimiter, marker, maxKeys));
    XmlWriter xml =
        XmlWriter.root("ListBucketResult")
            .element("Name", bucket)
            .element("Prefix", enc.apply(prefix));
    if (!delimiter.isEmpty()) {
      xml.element("Delimiter", enc.apply(delimiter));
    }
    xml.element("MaxKeys", maxKeys)
        .element("KeyCount", page.objects().size() + page.commonPrefixes().size())
        .element("IsTruncated", page.truncated());
    if (token != null) {
      xml.element("ContinuationToken", token);
    }
    if (page.truncated()) {
      xml.element("NextContinuationToken", encodeToken(page.nextMarker()));
    }
    if (!startAfter.isEmpty()) {
      xml.element("StartAfter", enc.apply(startAfter));
    }
    contents(xml, page, enc, request.tenantId(), fetchOwner);
    encodingType(xml, request);
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  private void contents(
      XmlWriter xml,
      ObjectListing page,
      UnaryOperator<String> enc,
      String tenantId,
      boolean withOwner) {
    for (ObjectSummary o : page.objects()) {
      xml.start("Contents")
          .element("Key", enc.apply(o.key()))
          .element("LastModified", Responses.iso(o.lastModified()))
          .element("ETag", o.etag());
      for (String algorithm : o.checksums().values().keySet()) {
        xml.element("ChecksumAlgorithm", algorithm);
      }
      if (!o.checksums().isEmpty()) {
        xml.element("ChecksumType", o.checksums().type().name());
      }
      xml.element("Size", o.size());
      if (withOwner) {
        BucketHandler.owner(xml, metadata, tenantId);
      }
      xml.element("StorageClass", o.storageClass()).end();
    }
    for (String p : page.commonPrefixes()) {
      xml.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
    }
  }

  private static void encodingType(XmlWriter xml, S3Request request) {
    if (request.param("encoding-type").isPresent()) {
      xml.element("EncodingType", "url");
    }
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

  private static int maxKeys(S3Request request) {
    String value = request.param("max-keys").orElse("1000");
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0) {
        return Math.min(n, 1000);
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new S3Exception(
        S3Error.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range");
  }

  /** Continuation tokens are opaque to clients: base64url of a version tag and the marker. */
  static String encodeToken(String marker) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + marker).getBytes(StandardCharsets.UTF_8));
  }

  static String decodeToken(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX)) {
        return text.substring(TOKEN_PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // falls through
    }
    throw new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
  }
}
