package network.icn.gateway.s3;

import java.util.List;
import java.util.Map;
import network.icn.gateway.auth.RequestHeaders;
import network.icn.gateway.s3.S3Route.AbortMultipartUpload;
import network.icn.gateway.s3.S3Route.CompleteMultipartUpload;
import network.icn.gateway.s3.S3Route.CopyObject;
import network.icn.gateway.s3.S3Route.CreateBucket;
import network.icn.gateway.s3.S3Route.CreateMultipartUpload;
import network.icn.gateway.s3.S3Route.DeleteBucket;
import network.icn.gateway.s3.S3Route.DeleteObject;
import network.icn.gateway.s3.S3Route.DeleteObjects;
import network.icn.gateway.s3.S3Route.GetBucketAcl;
import network.icn.gateway.s3.S3Route.GetBucketLocation;
import network.icn.gateway.s3.S3Route.GetBucketVersioning;
import network.icn.gateway.s3.S3Route.GetObject;
import network.icn.gateway.s3.S3Route.GetObjectAcl;
import network.icn.gateway.s3.S3Route.HeadBucket;
import network.icn.gateway.s3.S3Route.HeadObject;
import network.icn.gateway.s3.S3Route.ListBuckets;
import network.icn.gateway.s3.S3Route.ListMultipartUploads;
import network.icn.gateway.s3.S3Route.ListObjects;
import network.icn.gateway.s3.S3Route.ListObjectsV2;
import network.icn.gateway.s3.S3Route.ListParts;
import network.icn.gateway.s3.S3Route.NotImplementedOp;
import network.icn.gateway.s3.S3Route.PutObject;
import network.icn.gateway.s3.S3Route.UploadPart;
import network.icn.gateway.s3.S3Route.UploadPartCopy;

/**
 * Request → {@link S3Route}: a pure function of the method, the raw path, the decoded query
 * parameters, the headers ({@code Host}, {@code x-amz-copy-source}) and the addressing config.
 * Throws {@link S3Exception} for requests that are not S3 requests at all (bad escapes, unknown
 * methods).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html">Amazon
 *     S3 actions</a>
 */
public final class S3Router {
  private S3Router() {}

  /** A sub-resource and the operation names it selects for GET, PUT, DELETE (null: none). */
  private record Sub(String param, String get, String put, String delete) {}

  /** Bucket sub-resources we do not implement, in the order they are looked for. */
  private static final List<Sub> BUCKET_SUBS =
      List.of(
          new Sub("acl", null, "PutBucketAcl", null),
          new Sub("versioning", null, "PutBucketVersioning", null), // GET: GetBucketVersioning
          new Sub("versions", "ListObjectVersions", null, null),
          new Sub("policy", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy"),
          new Sub("policyStatus", "GetBucketPolicyStatus", null, null),
          new Sub("cors", "GetBucketCors", "PutBucketCors", "DeleteBucketCors"),
          new Sub(
              "lifecycle",
              "GetBucketLifecycleConfiguration",
              "PutBucketLifecycleConfiguration",
              "DeleteBucketLifecycle"),
          new Sub("website", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite"),
          new Sub(
              "encryption", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption"),
          new Sub("tagging", "GetBucketTagging", "PutBucketTagging", "DeleteBucketTagging"),
          new Sub("object-lock", "GetObjectLockConfiguration", "PutObjectLockConfiguration", null),
          new Sub("logging", "GetBucketLogging", "PutBucketLogging", null),
          new Sub(
              "notification",
              "GetBucketNotificationConfiguration",
              "PutBucketNotificationConfiguration",
              null),
          new Sub(
              "replication",
              "GetBucketReplication",
              "PutBucketReplication",
              "DeleteBucketReplication"),
          new Sub("requestPayment", "GetBucketRequestPayment", "PutBucketRequestPayment", null),
          new Sub(
              "accelerate",
              "GetBucketAccelerateConfiguration",
              "PutBucketAccelerateConfiguration",
              null),
          new Sub(
              "ownershipControls",
              "GetBucketOwnershipControls",
              "PutBucketOwnershipControls",
              "DeleteBucketOwnershipControls"),
          new Sub(
              "publicAccessBlock",
              "GetPublicAccessBlock",
              "PutPublicAccessBlock",
              "DeletePublicAccessBlock"),
          new Sub(
              "analytics",
              "GetBucketAnalyticsConfiguration",
              "PutBucketAnalyticsConfiguration",
              "DeleteBucketAnalyticsConfiguration"),
          new Sub(
              "metrics",
              "GetBucketMetricsConfiguration",
              "PutBucketMetricsConfiguration",
              "DeleteBucketMetricsConfiguration"),
          new Sub(
              "inventory",
              "GetBucketInventoryConfiguration",
              "PutBucketInventoryConfiguration",
              "DeleteBucketInventoryConfiguration"),
          new Sub(
              "intelligent-tiering",
              "GetBucketIntelligentTieringConfiguration",
              "PutBucketIntelligentTieringConfiguration",
              "DeleteBucketIntelligentTieringConfiguration"));

  /** Object sub-resources we do not implement. */
  private static final List<Sub> OBJECT_SUBS =
      List.of(
          new Sub("acl", null, "PutObjectAcl", null),
          new Sub("tagging", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging"),
          new Sub("retention", "GetObjectRetention", "PutObjectRetention", null),
          new Sub("legal-hold", "GetObjectLegalHold", "PutObjectLegalHold", null),
          new Sub("attributes", "GetObjectAttributes", null, null),
          new Sub("torrent", "GetObjectTorrent", null, null));

  /**
   * Routes one request.
   *
   * @param method the HTTP method
   * @param rawPath the path as received (percent-encoded)
   * @param query the decoded query parameters
   * @param headers the request headers
   * @param addressing the virtual-host base domains
   */
  public static S3Route route(
      String method,
      String rawPath,
      Map<String, String> query,
      RequestHeaders headers,
      Addressing addressing) {
    String path = UriCodec.decode(rawPath, false);
    String bucket = addressing.virtualHostBucket(headers.first("host").orElse(null));
    String key;
    if (bucket != null) {
      key = path.length() > 1 ? path.substring(1) : null;
    } else {
      String rest = path.substring(1);
      int slash = rest.indexOf('/');
      bucket = slash < 0 ? rest : rest.substring(0, slash);
      key = slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        bucket = null;
      }
    }
    if (bucket == null) {
      if (method.equals("GET")) {
        return new ListBuckets();
      }
      throw notAllowed(method);
    }
    return key == null
        ? bucketRoute(method, bucket, query)
        : objectRoute(method, bucket, key, query, headers);
  }

  private static S3Route bucketRoute(String method, String bucket, Map<String, String> query) {
    switch (method) {
      case "GET" -> {
        if (query.containsKey("location")) {
          return new GetBucketLocation(bucket);
        }
        if (query.containsKey("versioning")) {
          return new GetBucketVersioning(bucket);
        }
        if (query.containsKey("acl")) {
          return new GetBucketAcl(bucket);
        }
        if (query.containsKey("uploads")) {
          return new ListMultipartUploads(bucket);
        }
        S3Route sub = sub(BUCKET_SUBS, method, query, bucket, null);
        if (sub != null) {
          return sub;
        }
        return "2".equals(query.get("list-type"))
            ? new ListObjectsV2(bucket)
            : new ListObjects(bucket);
      }
      case "HEAD" -> {
        return new HeadBucket(bucket);
      }
      case "PUT" -> {
        S3Route sub = sub(BUCKET_SUBS, method, query, bucket, null);
        return sub != null ? sub : new CreateBucket(bucket);
      }
      case "DELETE" -> {
        S3Route sub = sub(BUCKET_SUBS, method, query, bucket, null);
        return sub != null ? sub : new DeleteBucket(bucket);
      }
      case "POST" -> {
        if (query.containsKey("delete")) {
          return new DeleteObjects(bucket);
        }
        return new NotImplementedOp("PostObject", bucket, null);
      }
      default -> throw notAllowed(method);
    }
  }

  private static S3Route objectRoute(
      String method, String bucket, String key, Map<String, String> query, RequestHeaders headers) {
    String versionId = query.get("versionId");
    if (versionId != null && !versionId.equals("null")) {
      throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid version id specified");
    }
    String uploadId = query.get("uploadId");
    String copySource = headers.first("x-amz-copy-source").orElse(null);
    switch (method) {
      case "GET" -> {
        if (uploadId != null) {
          return new ListParts(bucket, key, uploadId);
        }
        if (query.containsKey("acl")) {
          return new GetObjectAcl(bucket, key);
        }
        S3Route sub = sub(OBJECT_SUBS, method, query, bucket, key);
        return sub != null ? sub : new GetObject(bucket, key);
      }
      case "HEAD" -> {
        return new HeadObject(bucket, key);
      }
      case "PUT" -> {
        if (uploadId != null && query.containsKey("partNumber")) {
          int part = partNumber(query.get("partNumber"));
          return copySource != null
              ? new UploadPartCopy(bucket, key, uploadId, part, copySource)
              : new UploadPart(bucket, key, uploadId, part);
        }
        S3Route sub = sub(OBJECT_SUBS, method, query, bucket, key);
        if (sub != null) {
          return sub;
        }
        return copySource != null
            ? new CopyObject(bucket, key, copySource)
            : new PutObject(bucket, key);
      }
      case "DELETE" -> {
        if (uploadId != null) {
          return new AbortMultipartUpload(bucket, key, uploadId);
        }
        S3Route sub = sub(OBJECT_SUBS, method, query, bucket, key);
        return sub != null ? sub : new DeleteObject(bucket, key);
      }
      case "POST" -> {
        if (query.containsKey("uploads")) {
          return new CreateMultipartUpload(bucket, key);
        }
        if (uploadId != null) {
          return new CompleteMultipartUpload(bucket, key, uploadId);
        }
        if (query.containsKey("restore")) {
          return new NotImplementedOp("RestoreObject", bucket, key);
        }
        if (query.containsKey("select")) {
          return new NotImplementedOp("SelectObjectContent", bucket, key);
        }
        throw notAllowed(method);
      }
      default -> throw notAllowed(method);
    }
  }

  private static S3Route sub(
      List<Sub> subs, String method, Map<String, String> query, String bucket, String key) {
    for (Sub s : subs) {
      if (query.containsKey(s.param())) {
        String name =
            switch (method) {
              case "GET" -> s.get();
              case "PUT" -> s.put();
              case "DELETE" -> s.delete();
              default -> null;
            };
        if (name == null) {
          throw notAllowed(method);
        }
        return new NotImplementedOp(name, bucket, key);
      }
    }
    return null;
  }

  private static int partNumber(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new S3Exception(
        S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive");
  }

  private static S3Exception notAllowed(String method) {
    return new S3Exception(
        S3Error.METHOD_NOT_ALLOWED,
        "The specified method is not allowed against this resource: " + method);
  }
}
