package network.icn.gateway.s3;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import network.icn.erasure.ErasureScheme;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.BucketRecord;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.TenantRecord;
import org.w3c.dom.Element;

/**
 * Bucket operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation,
 * GetBucketVersioning.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html">CreateBucket</a>
 */
final class BucketHandler {
  private final MetadataStore metadata;
  private final BucketAccess access;
  private final Clock clock;
  private final String region;
  private final String placementRegion;
  private final ErasureScheme scheme;

  /**
   * @param region the S3 region this gateway serves (LocationConstraint, signing scope)
   * @param placementRegion the placement region new buckets' shards go to
   * @param scheme the erasure scheme of new buckets
   */
  BucketHandler(
      MetadataStore metadata,
      BucketAccess access,
      Clock clock,
      String region,
      String placementRegion,
      ErasureScheme scheme) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.region = Objects.requireNonNull(region, "region");
    this.placementRegion = Objects.requireNonNull(placementRegion, "placementRegion");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /**
   * ListBuckets: the caller's buckets by name. Without {@code max-buckets}, {@code
   * continuation-token}, {@code prefix} or {@code bucket-region} every bucket is listed (S3's
   * legacy answer); with any of them pages hold {@code max-buckets} (1..10000, default 10000) and
   * end with a {@code ContinuationToken} when more buckets follow.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html">ListBuckets</a>
   */
  void listBuckets(S3Request request) {
    String prefix = request.param("prefix").orElse("");
    String bucketRegion = request.param("bucket-region").orElse(null);
    String token = request.param("continuation-token").orElse(null);
    boolean paged =
        request.param("max-buckets").isPresent()
            || token != null
            || request.param("prefix").isPresent()
            || bucketRegion != null;
    int max = maxBuckets(request);
    String after = token == null || token.isEmpty() ? null : decodeBucketToken(token);
    List<BucketRecord> matching =
        metadata.listBuckets(request.tenantId()).stream()
            .filter(b -> b.name().startsWith(prefix))
            .filter(b -> after == null || b.name().compareTo(after) > 0)
            .filter(b -> bucketRegion == null || bucketRegion.equals(region))
            .toList();
    List<BucketRecord> page = paged && matching.size() > max ? matching.subList(0, max) : matching;
    XmlWriter xml = XmlWriter.root("ListAllMyBucketsResult");
    owner(xml, metadata, request.tenantId());
    xml.start("Buckets");
    for (BucketRecord b : page) {
      xml.start("Bucket")
          .element("Name", b.name())
          .element("CreationDate", Responses.iso(b.created()))
          .element("BucketRegion", region)
          .end();
    }
    xml.end();
    if (page.size() < matching.size()) {
      xml.element("ContinuationToken", encodeBucketToken(page.getLast().name()));
    }
    if (request.param("prefix").isPresent()) {
      xml.element("Prefix", prefix);
    }
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  private static final String TOKEN_TAG = "b1:";

  private static int maxBuckets(S3Request request) {
    String value = request.param("max-buckets").orElse("10000");
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new S3Exception(
        S3Error.INVALID_ARGUMENT, "Argument max-buckets must be an integer between 1 and 10000");
  }

  /** ListBuckets tokens are opaque to clients: base64url of a version tag and the last name. */
  static String encodeBucketToken(String lastName) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_TAG + lastName).getBytes(StandardCharsets.UTF_8));
  }

  static String decodeBucketToken(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_TAG) && BucketNames.valid(text.substring(TOKEN_TAG.length()))) {
        return text.substring(TOKEN_TAG.length());
      }
    } catch (IllegalArgumentException e) {
      // falls through
    }
    throw new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
  }

  /** CreateBucket with the naming rules and an optional LocationConstraint. */
  void createBucket(S3Request request, String bucket) {
    if (!BucketNames.valid(bucket)) {
      throw new S3Exception(S3Error.INVALID_BUCKET_NAME, "The specified bucket is not valid.");
    }
    String acl = request.header("x-amz-acl").orElse("private");
    if (!acl.equals("private")) {
      throw new S3Exception(S3Error.NOT_IMPLEMENTED, "Only the private canned ACL is supported.");
    }
    if (request.header("x-amz-bucket-object-lock-enabled").orElse("false").equals("true")) {
      throw new S3Exception(S3Error.NOT_IMPLEMENTED, "Object lock is not supported.");
    }
    byte[] body = RequestBodies.readVerified(request, 64 * 1024);
    if (body.length > 0) {
      Element root = XmlReader.parse(body);
      String constraint = XmlReader.childText(root, "LocationConstraint");
      if (constraint != null && !constraint.isBlank() && !constraint.strip().equals(region)) {
        throw new S3Exception(
            S3Error.ILLEGAL_LOCATION_CONSTRAINT,
            "The "
                + constraint.strip()
                + " location constraint is incompatible for the region"
                + " specific endpoint this request was sent to.");
      }
    }
    metadata.createBucket(
        new BucketRecord(bucket, request.tenantId(), placementRegion, clock.instant(), scheme));
    Responses.empty(request.exchange(), 200, new ResponseHeaders().add("Location", "/" + bucket));
  }

  /** HeadBucket: 200 with the region, or 404/403 without a body. */
  void headBucket(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    Responses.empty(
        request.exchange(),
        200,
        new ResponseHeaders()
            .add("x-amz-bucket-region", region)
            .add("x-amz-access-point-alias", "false"));
  }

  /** DeleteBucket: only empty buckets (no objects, no multipart uploads). */
  void deleteBucket(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    metadata.deleteBucket(bucket);
    Responses.empty(request.exchange(), 204, new ResponseHeaders());
  }

  /** GetBucketLocation: empty for us-east-1, as S3 answers, else the region. */
  void getBucketLocation(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    String text = region.equals("us-east-1") ? "" : region;
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\""
                + XmlWriter.S3_NAMESPACE
                + "\">"
                + text
                + "</LocationConstraint>")
            .getBytes(StandardCharsets.UTF_8);
    Responses.xml(request.exchange(), 200, body);
  }

  /**
   * GetBucketVersioning: an empty {@code VersioningConfiguration}, S3's answer for a bucket whose
   * versioning was never set, which is every bucket here (PutBucketVersioning is not implemented).
   * Tools ask before deleting (rclone's purge, for one) and read the empty answer as "unversioned".
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html">GetBucketVersioning</a>
   */
  void getBucketVersioning(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersioningConfiguration xmlns=\""
                + XmlWriter.S3_NAMESPACE
                + "\"/>")
            .getBytes(StandardCharsets.UTF_8);
    Responses.xml(request.exchange(), 200, body);
  }

  /** {@code <Owner><ID/><DisplayName/></Owner>} for a tenant. */
  static void owner(XmlWriter xml, MetadataStore metadata, String tenantId) {
    String display = metadata.getTenant(tenantId).map(TenantRecord::displayName).orElse(tenantId);
    xml.start("Owner").element("ID", tenantId).element("DisplayName", display).end();
  }
}
