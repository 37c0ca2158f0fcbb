package network.icn.gateway.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.auth.BodyDecoder;
import network.icn.gateway.auth.VerifiedChecksum;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.ChecksumType;
import network.icn.gateway.metadata.Checksums;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.metadata.MultipartUploadRecord;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.object.CompleteMultipartUploadRequest;
import network.icn.gateway.object.CompletedPart;
import network.icn.gateway.object.CreateMultipartUploadRequest;
import network.icn.gateway.object.MultipartStore;
import network.icn.gateway.object.PartUpload;
import network.icn.gateway.object.UploadPartRequest;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload. A part's
 * body streams through the SigV4 {@link BodyDecoder} into {@link PartUpload#write} exactly like a
 * PutObject body; the part is recorded only after the decoder's {@code finish()} passed.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html">CreateMultipartUpload</a>
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html">UploadPart</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html">CompleteMultipartUpload</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html">AbortMultipartUpload</a>
 */
final class MultipartHandler {
  private final MultipartStore multipart;
  private final MetadataStore metadata;
  private final BucketAccess access;

  /** The largest part S3 accepts: 5 GiB. */
  static final long MAX_PART_BYTES = 5L << 30;

  MultipartHandler(MultipartStore multipart, MetadataStore metadata, BucketAccess access) {
    this.multipart = Objects.requireNonNull(multipart, "multipart");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.access = Objects.requireNonNull(access, "access");
  }

  void createMultipartUpload(S3Request request, String bucket, String key) {
    access.owned(bucket, request.tenantId());
    String storageClass = request.header("x-amz-storage-class").orElse("STANDARD");
    if (!storageClass.equals("STANDARD")) {
      throw new S3Exception(S3Error.INVALID_STORAGE_CLASS);
    }
    Optional<ChecksumAlgorithm> algorithm =
        request.header("x-amz-checksum-algorithm").map(MultipartHandler::algorithm);
    Optional<ChecksumType> type = request.header("x-amz-checksum-type").map(this::checksumType);
    if (type.isPresent() && algorithm.isEmpty()) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm"
              + " header.");
    }
    MultipartUploadRecord upload =
        multipart.createMultipartUpload(
            new CreateMultipartUploadRequest(
                bucket,
                key,
                ObjectWriteHandler.contentHeaders(request),
                ObjectWriteHandler.userMetadata(request),
                storageClass,
                algorithm,
                type));
    ResponseHeaders headers = new ResponseHeaders().add("Content-Type", "application/xml");
    if (upload.checksumAlgorithm() != null) {
      headers.add("x-amz-checksum-algorithm", upload.checksumAlgorithm());
      headers.add("x-amz-checksum-type", upload.checksumType().name());
    }
    byte[] body =
        XmlWriter.root("InitiateMultipartUploadResult")
            .element("Bucket", bucket)
            .element("Key", key)
            .element("UploadId", upload.uploadId())
            .toBytes();
    request.exchange().respond(200, headers, body);
  }

  void uploadPart(S3Request request, String bucket, String key, String uploadId, int partNumber) {
    access.owned(bucket, request.tenantId());
    MultipartUploadRecord upload = upload(bucket, key, uploadId);
    long length =
        request
            .auth()
            .objectLength()
            .orElseThrow(() -> new S3Exception(S3Error.MISSING_CONTENT_LENGTH));
    if (length > MAX_PART_BYTES) {
      throw new S3Exception(
          S3Error.ENTITY_TOO_LARGE,
          "Your proposed upload exceeds the maximum allowed size of " + MAX_PART_BYTES + " bytes.");
    }
    Optional<String> headerName = ObjectWriteHandler.checksumHeaderName(request);
    Optional<ChecksumAlgorithm> sent = ObjectWriteHandler.checksumAlgorithm(request, headerName);
    Optional<ChecksumAlgorithm> stored =
        Optional.ofNullable(upload.checksumAlgorithm()).map(ChecksumAlgorithm::parse);
    if (stored.isPresent() && sent.isPresent() && stored.get() != sent.get()) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "Checksum Type mismatch occurred, expected checksum Type: "
              + stored.get().name().toLowerCase(Locale.ROOT)
              + ", actual checksum Type: "
              + sent.get().name().toLowerCase(Locale.ROOT));
    }
    // A header value is also verified by the decoder; the object layer checks it against the part
    // checksum it stores. Without an upload algorithm the decoder alone verifies the client's
    // checksum and the part stores none.
    Optional<String> expected =
        stored.isPresent() ? headerName.flatMap(request::header) : Optional.empty();
    UploadPartRequest part =
        new UploadPartRequest(
            bucket, key, uploadId, partNumber, length, request.header("Content-MD5"), expected);
    PartRecord record;
    BodyDecoder body;
    try (PartUpload writer = multipart.beginUploadPart(part)) {
      body = request.auth().openBody(writer::write);
      request.exchange().readBody(body::feed);
      body.finish();
      record = writer.complete();
    }
    ResponseHeaders headers = new ResponseHeaders().add("ETag", record.etag());
    if (!record.checksums().isEmpty()) {
      checksumHeaders(record.checksums(), headers);
    } else if (body.checksum().isPresent()) {
      VerifiedChecksum c = body.checksum().get();
      headers.add(c.algorithm().headerName(), c.base64());
    }
    Responses.empty(request.exchange(), 200, headers);
  }

  void completeMultipartUpload(S3Request request, String bucket, String key, String uploadId) {
    access.owned(bucket, request.tenantId());
    CompleteMultipartUploadXml xml =
        CompleteMultipartUploadXml.parse(
            RequestBodies.readVerified(request, CompleteMultipartUploadXml.MAX_BODY_BYTES));
    MultipartUploadRecord upload = upload(bucket, key, uploadId);
    String algorithm = upload.checksumAlgorithm();
    Optional<String> typeHeader = request.header("x-amz-checksum-type");
    if (typeHeader.isPresent()
        && (algorithm == null
            || !typeHeader.get().equalsIgnoreCase(upload.checksumType().name()))) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "The upload was created using the "
              + (algorithm == null ? "null" : upload.checksumType().name())
              + " checksum mode. The complete request must use the same checksum mode.");
    }
    List<CompletedPart> parts = new ArrayList<>();
    for (CompleteMultipartUploadXml.Part p : xml.parts()) {
      Optional<String> checksum =
          algorithm == null ? Optional.empty() : Optional.ofNullable(p.checksums().get(algorithm));
      parts.add(new CompletedPart(p.partNumber(), p.etag(), checksum));
    }
    Optional<String> objectChecksum =
        algorithm == null
            ? Optional.empty()
            : request.header("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT));
    ObjectRecord record =
        multipart.completeMultipartUpload(
            new CompleteMultipartUploadRequest(
                bucket,
                key,
                uploadId,
                parts,
                objectChecksum,
                ObjectWriteHandler.writePrecondition(request)));
    XmlWriter out =
        XmlWriter.root("CompleteMultipartUploadResult")
            .element("Location", location(request, bucket, key))
            .element("Bucket", bucket)
            .element("Key", key)
            .element("ETag", record.etag());
    checksumElements(record.checksums(), out);
    Responses.xml(request.exchange(), 200, out.toBytes());
  }

  void abortMultipartUpload(S3Request request, String bucket, String key, String uploadId) {
    access.owned(bucket, request.tenantId());
    multipart.abortMultipartUpload(bucket, key, uploadId);
    Responses.empty(request.exchange(), 204, new ResponseHeaders());
  }

  private MultipartUploadRecord upload(String bucket, String key, String uploadId) {
    return metadata
        .getMultipartUpload(bucket, key, uploadId)
        .orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_UPLOAD));
  }

  /**
   * The object's URL as S3 writes it in {@code Location}: the request's host (virtual-hosted or
   * path style as addressed), the key URL-encoded. The scheme is {@code X-Forwarded-Proto} when a
   * proxy sets it, else {@code http} (the server speaks plain HTTP).
   */
  private static String location(S3Request request, String bucket, String key) {
    String scheme = request.header("X-Forwarded-Proto").orElse("http");
    String host = request.header("Host").orElse("localhost");
    String path = request.exchange().request().rawPath();
    boolean pathStyle =
        path.startsWith("/" + UriCodec.encode(bucket) + "/") || path.startsWith("/" + bucket + "/");
    return scheme
        + "://"
        + host
        + "/"
        + (pathStyle ? UriCodec.encode(bucket) + "/" : "")
        + UriCodec.encode(key);
  }

  static ChecksumAlgorithm algorithm(String name) {
    try {
      return ChecksumAlgorithm.parse(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "Checksum algorithm provided is unsupported. Please try again with any of the valid"
              + " types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
    }
  }

  private ChecksumType checksumType(String name) {
    try {
      return ChecksumType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "Value for x-amz-checksum-type header is invalid. Valid values are COMPOSITE and"
              + " FULL_OBJECT.");
    }
  }

  /** {@code x-amz-checksum-<algorithm>} and {@code x-amz-checksum-type}. */
  static void checksumHeaders(Checksums checksums, ResponseHeaders headers) {
    checksums
        .values()
        .forEach((a, v) -> headers.add("x-amz-checksum-" + a.toLowerCase(Locale.ROOT), v));
  }

  /** {@code <ChecksumCRC32>…</ChecksumCRC32>…<ChecksumType>…</ChecksumType>}, as S3 nests them. */
  static void checksumElements(Checksums checksums, XmlWriter xml) {
    for (Map.Entry<String, String> e : checksums.values().entrySet()) {
      xml.element("Checksum" + e.getKey(), e.getValue());
    }
    if (!checksums.isEmpty()) {
      xml.element("ChecksumType", checksums.type().name());
    }
  }
}
