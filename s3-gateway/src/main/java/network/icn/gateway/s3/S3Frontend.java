package network.icn.gateway.s3;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import network.icn.erasure.ErasureScheme;
import network.icn.gateway.auth.AuthenticatedRequest;
import network.icn.gateway.auth.SigV4Verifier;
import network.icn.gateway.auth.SignableRequest;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.HttpHandler;
import network.icn.gateway.http.PeerGoneException;
import network.icn.gateway.http.RequestHead;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.AccessKeyring.Credentials;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.object.MultipartStore;
import network.icn.gateway.object.ObjectStore;
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
 * The S3 API behind the HTTP server: route, authenticate, check request limits, dispatch with one
 * exhaustive switch, and turn every failure into the S3 error document via {@link ErrorMapper}.
 * Unsigned {@code GET /health/live}, {@code /health/ready} and {@code /metrics} go to the admin
 * handler (anonymous S3 requests are refused anyway, so these never shadow a bucket).
 */
public final class S3Frontend implements HttpHandler {
  /** S3's largest single PutObject: 5 GiB. */
  public static final long MAX_PUT_BYTES = 5L << 30;

  private static final Logger LOG = System.getLogger(S3Frontend.class.getName());
  private static final List<String> ADMIN_PATHS =
      List.of("/health/live", "/health/ready", "/metrics");
  private static final int MAX_KEY_BYTES = 1024;

  /**
   * What the S3 layer needs to know.
   *
   * @param region the S3 region (signing scope, LocationConstraint)
   * @param placementRegion the placement region of new buckets
   * @param addressing virtual-host base domains
   * @param scheme the erasure scheme of new buckets
   * @param maxPutBytes the largest single PutObject
   */
  public record Settings(
      String region,
      String placementRegion,
      Addressing addressing,
      ErasureScheme scheme,
      long maxPutBytes) {
    public Settings {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(placementRegion, "placementRegion");
      Objects.requireNonNull(addressing, "addressing");
      Objects.requireNonNull(scheme, "scheme");
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final Function<String, Optional<Credentials>> credentials;
  private final HttpHandler admin;
  private final BucketHandler buckets;
  private final ObjectReadHandler reads;
  private final ObjectWriteHandler writes;
  private final ObjectDeleteHandler deletes;
  private final ListHandler lists;
  private final AclHandler acls;
  private final MultipartHandler uploads;
  private final MultipartListHandler uploadLists;
  private final CopyHandler copies;

  /**
   * @param credentials access key id → tenant and secret ({@code AccessKeyring::credentials})
   * @param admin serves the health and metrics endpoints
   */
  public S3Frontend(
      Settings settings,
      MetadataStore metadata,
      ObjectStore objects,
      MultipartStore multipart,
      Function<String, Optional<Credentials>> credentials,
      Clock clock,
      HttpHandler admin) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.admin = Objects.requireNonNull(admin, "admin");
    BucketAccess access = new BucketAccess(metadata);
    this.buckets =
        new BucketHandler(
            metadata,
            access,
            clock,
            settings.region(),
            settings.placementRegion(),
            settings.scheme());
    this.reads = new ObjectReadHandler(objects, access);
    this.writes = new ObjectWriteHandler(objects, access, settings.maxPutBytes());
    this.deletes = new ObjectDeleteHandler(metadata, access);
    this.lists = new ListHandler(metadata, access);
    this.acls = new AclHandler(metadata, objects, access);
    this.uploads = new MultipartHandler(multipart, metadata, access);
    this.uploadLists = new MultipartListHandler(multipart, metadata, access);
    this.copies = new CopyHandler(objects, multipart, metadata, access);
  }

  @Override
  public void handle(HttpExchange exchange) {
    RequestHead head = exchange.request();
    S3Route route = null;
    try {
      if (head.failure().isPresent()) {
        exchange.operation("BadRequest");
        throw new S3Exception(
            switch (head.failure().get()) {
              case HEADERS_TOO_LARGE -> S3Error.REQUEST_HEADER_SECTION_TOO_LARGE;
              case REQUEST_LINE_TOO_LONG -> S3Error.KEY_TOO_LONG;
              case MALFORMED -> S3Error.BAD_REQUEST;
            });
      }
      if (isAdmin(head)) {
        admin.handle(exchange);
        return;
      }
      Map<String, String> query = UriCodec.queryParams(head.rawQuery());
      route =
          S3Router.route(
              head.method(), head.rawPath(), query, head.headers(), settings.addressing());
      exchange.operation(route.operation());
      S3Request request = authenticate(exchange, query);
      if (route.key() != null
          && route.key().getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
        throw new S3Exception(S3Error.KEY_TOO_LONG);
      }
      dispatch(route, request);
    } catch (PeerGoneException e) {
      throw e;
    } catch (RuntimeException e) {
      fail(exchange, route, e);
    }
  }

  private void dispatch(S3Route route, S3Request request) {
    switch (route) {
      case ListBuckets r -> buckets.listBuckets(request);
      case CreateBucket(var bucket) -> buckets.createBucket(request, bucket);
      case HeadBucket(var bucket) -> buckets.headBucket(request, bucket);
      case DeleteBucket(var bucket) -> buckets.deleteBucket(request, bucket);
      case GetBucketLocation(var bucket) -> buckets.getBucketLocation(request, bucket);
      case GetBucketVersioning(var bucket) -> buckets.getBucketVersioning(request, bucket);
      case GetBucketAcl(var bucket) -> acls.getBucketAcl(request, bucket);
      case GetObjectAcl(var bucket, var key) -> acls.getObjectAcl(request, bucket, key);
      case ListObjects(var bucket) -> lists.listObjects(request, bucket);
      case ListObjectsV2(var bucket) -> lists.listObjectsV2(request, bucket);
      case PutObject(var bucket, var key) -> writes.putObject(request, bucket, key);
      case GetObject(var bucket, var key) -> reads.getObject(request, bucket, key);
      case HeadObject(var bucket, var key) -> reads.headObject(request, bucket, key);
      case DeleteObject(var bucket, var key) -> deletes.deleteObject(request, bucket, key);
      case DeleteObjects(var bucket) -> deletes.deleteObjects(request, bucket);
      case CopyObject(var bucket, var key, var source) ->
          copies.copyObject(request, bucket, key, source);
      case CreateMultipartUpload(var bucket, var key) ->
          uploads.createMultipartUpload(request, bucket, key);
      case UploadPart(var bucket, var key, var uploadId, var part) ->
          uploads.uploadPart(request, bucket, key, uploadId, part);
      case UploadPartCopy(var bucket, var key, var uploadId, var part, var source) ->
          copies.uploadPartCopy(request, bucket, key, uploadId, part, source);
      case CompleteMultipartUpload(var bucket, var key, var uploadId) ->
          uploads.completeMultipartUpload(request, bucket, key, uploadId);
      case AbortMultipartUpload(var bucket, var key, var uploadId) ->
          uploads.abortMultipartUpload(request, bucket, key, uploadId);
      case ListParts(var bucket, var key, var uploadId) ->
          uploadLists.listParts(request, bucket, key, uploadId);
      case ListMultipartUploads(var bucket) -> uploadLists.listMultipartUploads(request, bucket);
      case NotImplementedOp(var name, var bucket, var key) -> notImplemented(name);
    }
  }

  private static void notImplemented(String operation) {
    throw new S3Exception(
        S3Error.NOT_IMPLEMENTED, operation + " is not implemented by this gateway.");
  }

  private S3Request authenticate(HttpExchange exchange, Map<String, String> query) {
    RequestHead head = exchange.request();
    Credentials[] found = new Credentials[1];
    SigV4Verifier verifier =
        SigV4Verifier.forS3(
            clock,
            id -> {
              Optional<Credentials> c = credentials.apply(id);
              c.ifPresent(v -> found[0] = v);
              return c.map(Credentials::secret);
            },
            settings.region());
    AuthenticatedRequest auth =
        verifier.verify(
            new SignableRequest(head.method(), head.rawPath(), head.rawQuery(), head.headers()));
    return new S3Request(exchange, query, found[0].tenantId(), auth);
  }

  private static boolean isAdmin(RequestHead head) {
    return head.method().equals("GET")
        && ADMIN_PATHS.contains(head.rawPath())
        && !head.headers().contains("authorization")
        && !head.rawQuery().contains("X-Amz-Signature");
  }

  private void fail(HttpExchange exchange, S3Route route, RuntimeException failure) {
    ErrorMapper.Mapped mapped = ErrorMapper.map(failure);
    if (mapped.serverFault()) {
      LOG.log(
          Level.WARNING,
          "request "
              + exchange.requestId()
              + " "
              + (route == null ? "-" : route.operation())
              + " failed: "
              + mapped.error().code(),
          failure);
    }
    if (exchange.responseStarted()) {
      exchange.abort(); // mid-body: the client sees a short response, never wrong bytes
      return;
    }
    RequestHead head = exchange.request();
    String resource = head.rawPath();
    byte[] body =
        head.method().equals("HEAD")
            ? new byte[0]
            : ErrorXml.render(mapped.error(), mapped.message(), resource, exchange.requestId());
    ResponseHeaders headers = new ResponseHeaders();
    if (body.length > 0) {
      headers.add("Content-Type", "application/xml");
    }
    if (mapped.error() == S3Error.INVALID_RANGE && route != null) {
      headers.add("Accept-Ranges", "bytes");
    }
    exchange.respond(mapped.error().status(), headers, body);
  }
}
