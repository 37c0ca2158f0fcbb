package network.icn.gateway.s3;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.s3.DeleteObjectsXml.ObjectIdentifier;

/**
 * DeleteObject and DeleteObjects. Deleting a missing key succeeds (S3 semantics); the record and
 * the queueing of its shards for deletion are one metadata batch per key.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html">DeleteObject</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html">DeleteObjects</a>
 */
final class ObjectDeleteHandler {
  private static final Logger LOG = System.getLogger(ObjectDeleteHandler.class.getName());
  private static final int MAX_KEY_BYTES = 1024;

  private final MetadataStore metadata;
  private final BucketAccess access;

  ObjectDeleteHandler(MetadataStore metadata, BucketAccess access) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
  }

  /** DeleteObject: 204 whether or not the key existed; {@code If-Match} makes it conditional. */
  void deleteObject(S3Request request, String bucket, String key) {
    access.owned(bucket, request.tenantId());
    Precondition precondition =
        request.header("If-Match").map(Precondition::ifMatch).orElse(Precondition.none());
    metadata.deleteObject(bucket, key, precondition);
    Responses.empty(request.exchange(), 204, new ResponseHeaders());
  }

  /**
   * DeleteObjects: the verified body (SigV4 payload, and {@code Content-MD5} or {@code
   * x-amz-checksum-*} when sent; neither is required) lists up to 1000 keys; each is deleted on its
   * own and reported as {@code Deleted} (omitted in quiet mode) or {@code Error}. A request-level
   * failure (bucket, body, XML) fails the whole request before any key is deleted.
   */
  void deleteObjects(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    byte[] body = RequestBodies.readVerified(request, DeleteObjectsXml.MAX_BODY_BYTES);
    DeleteObjectsXml doc = DeleteObjectsXml.parse(body);
    XmlWriter xml = XmlWriter.root("DeleteResult");
    for (ObjectIdentifier object : doc.objects()) {
      ErrorMapper.Mapped failure = deleteOne(request, bucket, object);
      if (failure == null) {
        if (!doc.quiet()) {
          xml.start("Deleted")
              .element("Key", object.key())
              .element("VersionId", object.versionId())
              .end();
        }
      } else {
        xml.start("Error")
            .element("Key", object.key())
            .element("VersionId", object.versionId())
            .element("Code", failure.error().code())
            .element("Message", failure.message())
            .end();
      }
    }
    Responses.xml(request.exchange(), 200, xml.toBytes());
  }

  /** Deletes one key; null on success, else the per-key error. */
  private ErrorMapper.Mapped deleteOne(S3Request request, String bucket, ObjectIdentifier object) {
    try {
      if (object.key().getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
        throw new S3Exception(S3Error.KEY_TOO_LONG);
      }
      if (object.versionId() != null && !object.versionId().equals("null")) {
        // As DeleteObject: this gateway has no versioning, so only the "null" version exists.
        throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid version id specified");
      }
      if (object.unsupportedCondition()) {
        throw new S3Exception(
            S3Error.NOT_IMPLEMENTED,
            "LastModifiedTime and Size conditions are not supported; the key was not deleted.");
      }
      Precondition precondition =
          object.etag() == null ? Precondition.none() : Precondition.ifMatch(object.etag());
      metadata.deleteObject(bucket, object.key(), precondition);
      return null;
    } catch (RuntimeException e) {
      ErrorMapper.Mapped mapped = ErrorMapper.map(e);
      if (mapped.serverFault()) {
        LOG.log(
            Level.WARNING,
            "request "
                + request.exchange().requestId()
                + " DeleteObjects: one key failed: "
                + mapped.error().code(),
            e);
      }
      return mapped;
    }
  }
}
