package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class S3RouterTest {
  static final Addressing ADDRESSING = new Addressing(List.of("s3.example.com", "localhost"));

  /** Routes a request in one style: path ({@code host/b/k}) or virtual host ({@code b.host/k}). */
  static S3Route route(
      boolean virtual, String method, String bucketAndKey, String query, String... headers) {
    RequestHeaders.Builder h = RequestHeaders.builder();
    String path;
    if (virtual && !bucketAndKey.isEmpty()) {
      int slash = bucketAndKey.indexOf('/');
      String bucket = slash < 0 ? bucketAndKey : bucketAndKey.substring(0, slash);
      h.add("Host", bucket + ".s3.example.com:9000");
      path = slash < 0 ? "/" : bucketAndKey.substring(slash);
    } else {
      h.add("Host", "s3.example.com:9000");
      path = "/" + bucketAndKey;
    }
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return S3Router.route(method, path, UriCodec.queryParams(query), h.build(), ADDRESSING);
  }

  static Stream<Arguments> operations() {
    String b = "bucket";
    String k = "dir/key.txt";
    return Stream.of(
        Arguments.of("GET", "", "", new ListBuckets()),
        Arguments.of("PUT", b, "", new CreateBucket(b)),
        Arguments.of("HEAD", b, "", new HeadBucket(b)),
        Arguments.of("DELETE", b, "", new DeleteBucket(b)),
        Arguments.of("GET", b, "location", new GetBucketLocation(b)),
        Arguments.of("GET", b, "acl", new GetBucketAcl(b)),
        Arguments.of("GET", b, "", new ListObjects(b)),
        Arguments.of("GET", b, "prefix=a&marker=b", new ListObjects(b)),
        Arguments.of("GET", b, "list-type=2&prefix=a", new ListObjectsV2(b)),
        Arguments.of("GET", b, "uploads", new ListMultipartUploads(b)),
        Arguments.of("POST", b, "delete", new DeleteObjects(b)),
        Arguments.of("PUT", b + "/" + k, "", new PutObject(b, k)),
        Arguments.of("GET", b + "/" + k, "", new GetObject(b, k)),
        Arguments.of("GET", b + "/" + k, "versionId=null", new GetObject(b, k)),
        Arguments.of("HEAD", b + "/" + k, "", new HeadObject(b, k)),
        Arguments.of("DELETE", b + "/" + k, "", new DeleteObject(b, k)),
        Arguments.of("GET", b + "/" + k, "acl", new GetObjectAcl(b, k)),
        Arguments.of("POST", b + "/" + k, "uploads", new CreateMultipartUpload(b, k)),
        Arguments.of("PUT", b + "/" + k, "partNumber=3&uploadId=u1", new UploadPart(b, k, "u1", 3)),
        Arguments.of("POST", b + "/" + k, "uploadId=u1", new CompleteMultipartUpload(b, k, "u1")),
        Arguments.of("DELETE", b + "/" + k, "uploadId=u1", new AbortMultipartUpload(b, k, "u1")),
        Arguments.of("GET", b + "/" + k, "uploadId=u1", new ListParts(b, k, "u1")),
        Arguments.of("PUT", b, "versioning", new NotImplementedOp("PutBucketVersioning", b, null)),
        Arguments.of("GET", b, "versioning", new GetBucketVersioning(b)),
        Arguments.of("GET", b, "versions", new NotImplementedOp("ListObjectVersions", b, null)),
        Arguments.of("PUT", b, "acl", new NotImplementedOp("PutBucketAcl", b, null)),
        Arguments.of("DELETE", b, "policy", new NotImplementedOp("DeleteBucketPolicy", b, null)),
        Arguments.of("PUT", b, "cors", new NotImplementedOp("PutBucketCors", b, null)),
        Arguments.of(
            "PUT",
            b,
            "lifecycle",
            new NotImplementedOp("PutBucketLifecycleConfiguration", b, null)),
        Arguments.of("GET", b, "website", new NotImplementedOp("GetBucketWebsite", b, null)),
        Arguments.of("PUT", b, "encryption", new NotImplementedOp("PutBucketEncryption", b, null)),
        Arguments.of("GET", b, "tagging", new NotImplementedOp("GetBucketTagging", b, null)),
        Arguments.of(
            "PUT", b, "object-lock", new NotImplementedOp("PutObjectLockConfiguration", b, null)),
        Arguments.of("POST", b, "", new NotImplementedOp("PostObject", b, null)),
        Arguments.of("PUT", b + "/" + k, "tagging", new NotImplementedOp("PutObjectTagging", b, k)),
        Arguments.of("PUT", b + "/" + k, "acl", new NotImplementedOp("PutObjectAcl", b, k)),
        Arguments.of(
            "GET", b + "/" + k, "retention", new NotImplementedOp("GetObjectRetention", b, k)),
        Arguments.of(
            "PUT", b + "/" + k, "legal-hold", new NotImplementedOp("PutObjectLegalHold", b, k)),
        Arguments.of("POST", b + "/" + k, "restore", new NotImplementedOp("RestoreObject", b, k)),
        Arguments.of(
            "POST",
            b + "/" + k,
            "select&select-type=2",
            new NotImplementedOp("SelectObjectContent", b, k)));
  }

  @ParameterizedTest(name = "{0} {1}?{2} path-style")
  @MethodSource("operations")
  void routesEveryOperationPathStyle(String method, String target, String query, S3Route want) {
    assertEquals(want, route(false, method, target, query));
  }

  @ParameterizedTest(name = "{0} {1}?{2} virtual-hosted")
  @MethodSource("operations")
  void routesEveryOperationVirtualHosted(String method, String target, String query, S3Route want) {
    assertEquals(want, route(true, method, target, query));
  }

  @Test
  void copySourceHeaderSelectsCopyObjectAndUploadPartCopy() {
    assertEquals(
        new CopyObject("b", "k", "/src/key"),
        route(false, "PUT", "b/k", "", "x-amz-copy-source", "/src/key"));
    assertEquals(
        new UploadPartCopy("b", "k", "u", 2, "src/key"),
        route(true, "PUT", "b/k", "partNumber=2&uploadId=u", "x-amz-copy-source", "src/key"));
  }

  @Test
  void keysArePercentDecodedOnceAndKeepSlashes() {
    assertEquals(new GetObject("b", "a b/c%/d+e"), route(false, "GET", "b/a%20b/c%25/d+e", ""));
    assertEquals(new GetObject("b", "/lead"), route(false, "GET", "b//lead", ""));
    assertEquals(new GetObject("b", "ü"), route(true, "GET", "b/%C3%BC", ""));
  }

  @Test
  void trailingSlashAfterBucketIsBucketLevel() {
    assertEquals(new ListObjects("b"), route(false, "GET", "b/", ""));
  }

  @Test
  void virtualHostBucketsMayContainDotsAndPortsAreIgnored() {
    RequestHeaders h = RequestHeaders.of("Host", "my.bucket.localhost:1234");
    assertEquals(
        new GetObject("my.bucket", "k"),
        S3Router.route("GET", "/k", UriCodec.queryParams(""), h, ADDRESSING));
    RequestHeaders bare = RequestHeaders.of("Host", "localhost:1234");
    assertEquals(
        new GetObject("b", "k"),
        S3Router.route("GET", "/b/k", UriCodec.queryParams(""), bare, ADDRESSING));
    RequestHeaders ip = RequestHeaders.of("Host", "127.0.0.1:1234");
    assertEquals(
        new ListBuckets(), S3Router.route("GET", "/", UriCodec.queryParams(""), ip, ADDRESSING));
  }

  @Test
  void pathStyleOnlyIgnoresHostNames() {
    RequestHeaders h = RequestHeaders.of("Host", "b.s3.example.com");
    assertEquals(
        new HeadBucket("x"),
        S3Router.route("HEAD", "/x", UriCodec.queryParams(""), h, Addressing.pathStyleOnly()));
  }

  @Test
  void badRequestsAreS3Errors() {
    assertEquals(
        S3Error.INVALID_URI,
        assertThrows(S3Exception.class, () -> route(false, "GET", "b/%zz", "")).error());
    assertEquals(
        S3Error.INVALID_URI,
        assertThrows(S3Exception.class, () -> route(false, "GET", "b/%C3", "")).error());
    assertEquals(
        S3Error.METHOD_NOT_ALLOWED,
        assertThrows(S3Exception.class, () -> route(false, "PATCH", "b/k", "")).error());
    assertEquals(
        S3Error.METHOD_NOT_ALLOWED,
        assertThrows(S3Exception.class, () -> route(false, "PUT", "", "")).error());
    assertEquals(
        S3Error.INVALID_ARGUMENT,
        assertThrows(S3Exception.class, () -> route(false, "PUT", "b/k", "partNumber=0&uploadId=u"))
            .error());
    assertEquals(
        S3Error.INVALID_ARGUMENT,
        assertThrows(S3Exception.class, () -> route(false, "GET", "b/k", "versionId=abc")).error());
  }

  @Test
  void operationNamesAreTheAwsNames() {
    assertEquals("ListObjectsV2", new ListObjectsV2("b").operation());
    assertEquals("PutBucketCors", new NotImplementedOp("PutBucketCors", "b", null).operation());
  }
}
