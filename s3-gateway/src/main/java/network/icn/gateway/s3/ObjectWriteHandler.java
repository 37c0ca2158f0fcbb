package network.icn.gateway.s3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import network.icn.gateway.auth.BodyDecoder;
import network.icn.gateway.checksum.ChecksumAlgorithm;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.Precondition;
import network.icn.gateway.object.ObjectStore;
import network.icn.gateway.object.ObjectUpload;
import network.icn.gateway.object.PutObjectRequest;

/**
 * PutObject. The body streams Netty → SigV4 {@link BodyDecoder} (aws-chunked decoding, signatures,
 * checksums) → {@link ObjectUpload#write}; the object commits only after the decoder's {@code
 * finish()} passed, and any failure (auth, body, disconnect) aborts the upload.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html">PutObject</a>
 */
final class ObjectWriteHandler {
  /** S3's single PUT maximum: 5 GiB. */
  static final long MAX_PUT_BYTES = S3Frontend.MAX_PUT_BYTES;

  /** S3's user metadata limit: 2 KB of names and values (UTF-8). */
  static final int MAX_USER_METADATA_BYTES = 2 * 1024;

  private final ObjectStore objects;
  private final BucketAccess access;
  private final long maxPutBytes;

  ObjectWriteHandler(ObjectStore objects, BucketAccess access, long maxPutBytes) {
    this.objects = Objects.requireNonNull(objects, "objects");
    this.access = Objects.requireNonNull(access, "access");
    this.maxPutBytes = maxPutBytes;
  }

  void putObject(S3Request request, String bucket, String key) {
    access.owned(bucket, request.tenantId());
    long length =
        request
            .auth()
            .objectLength()
            .orElseThrow(() -> new S3Exception(S3Error.MISSING_CONTENT_LENGTH));
    if (length > maxPutBytes) {
      throw new S3Exception(
          S3Error.ENTITY_TOO_LARGE,
          "Your proposed upload exceeds the maximum allowed size of " + maxPutBytes + " bytes.");
    }
    String storageClass = request.header("x-amz-storage-class").orElse("STANDARD");
    if (!storageClass.equals("STANDARD")) {
      throw new S3Exception(S3Error.INVALID_STORAGE_CLASS);
    }
    Map<String, String> userMetadata = userMetadata(request);
    Optional<String> headerChecksumName = checksumHeaderName(request);
    Optional<ChecksumAlgorithm> algorithm = checksumAlgorithm(request, headerChecksumName);
    PutObjectRequest put =
        new PutObjectRequest(
            bucket,
            key,
            length,
            request.header("Content-MD5"),
            algorithm,
            headerChecksumName.flatMap(request::header),
            contentHeaders(request),
            userMetadata,
            writePrecondition(request),
            storageClass);
    ObjectRecord record;
    ObjectUpload upload = objects.beginPut(put);
    try {
      // The object layer hashes every byte once for MD5 (the ETag, checked against Content-MD5)
      // and the S3 checksum (checked against the header or the trailer), so the decoder leaves
      // those digests to it instead of computing them a second time.
      BodyDecoder body = request.auth().openBodyDeferringDigests(upload::write);
      request.exchange().readBody(body::feed);
      body.finish();
      record = upload.complete(trailerChecksum(request, body));
    } finally {
      upload.abort(); // no-op after complete()
    }
    ResponseHeaders headers = new ResponseHeaders().add("ETag", record.etag());
    ObjectReadHandler.checksumHeaders(record, headers);
    Responses.empty(request.exchange(), 200, headers);
  }

  /** {@code If-None-Match: *} (create only) or {@code If-Match: etag} (replace that version). */
  static Precondition writePrecondition(S3Request request) {
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    Optional<String> ifMatch = request.header("If-Match");
    if (ifNoneMatch.isPresent() && ifMatch.isPresent()) {
      throw new S3Exception(
          S3Error.NOT_IMPLEMENTED, "If-Match and If-None-Match together are not supported.");
    }
    if (ifNoneMatch.isPresent()) {
      if (!ifNoneMatch.get().equals("*")) {
        throw new S3Exception(
            S3Error.NOT_IMPLEMENTED, "PutObject supports If-None-Match only with the value *.");
      }
      return Precondition.ifAbsent();
    }
    return ifMatch.map(Precondition::ifMatch).orElse(Precondition.none());
  }

  /**
   * {@code x-amz-meta-*} (names lowercased, repeated values comma-joined, RFC 2047 and raw UTF-8
   * values decoded: {@link UserMetadataValues}), at most 2 KB.
   */
  static Map<String, String> userMetadata(S3Request request) {
    Map<String, String> meta = new TreeMap<>();
    int bytes = 0;
    for (Map.Entry<String, List<String>> e : request.headers().values().entrySet()) {
      if (e.getKey().startsWith("x-amz-meta-")) {
        String name = e.getKey().substring("x-amz-meta-".length());
        String value =
            UserMetadataValues.fromHeader(
                e.getValue().stream().map(String::strip).collect(Collectors.joining(",")));
        bytes +=
            name.getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
        meta.put(name, value);
      }
    }
    if (bytes > MAX_USER_METADATA_BYTES) {
      throw new S3Exception(
          S3Error.METADATA_TOO_LARGE,
          "Your metadata headers exceed the maximum allowed metadata size (" + bytes + " > 2048).");
    }
    return meta;
  }

  static ContentHeaders contentHeaders(S3Request request) {
    String encoding =
        request
            .header("Content-Encoding")
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty() && !t.equalsIgnoreCase("aws-chunked"))
                        .collect(Collectors.joining(",")))
            .filter(v -> !v.isEmpty())
            .orElse(null);
    return new ContentHeaders(
        request.header("Content-Type").orElse(null),
        encoding,
        request.header("Content-Disposition").orElse(null),
        request.header("Content-Language").orElse(null),
        request.header("Cache-Control").orElse(null),
        request.header("Expires").orElse(null));
  }

  /** The {@code x-amz-checksum-*} value that {@code x-amz-trailer} announced, if any. */
  static Optional<String> trailerChecksum(S3Request request, BodyDecoder body) {
    return request
        .header("x-amz-trailer")
        .map(t -> t.strip().toLowerCase(Locale.ROOT))
        .filter(t -> t.startsWith("x-amz-checksum-"))
        .map(t -> body.trailers().get(t));
  }

  /** The {@code x-amz-checksum-<algorithm>} value header sent, if any. */
  static Optional<String> checksumHeaderName(S3Request request) {
    return request.headers().values().keySet().stream()
        .filter(n -> ChecksumAlgorithm.fromHeaderName(n).isPresent())
        .findFirst();
  }

  /**
   * The algorithm to compute and store: from the value header, the trailer, or {@code
   * x-amz-sdk-checksum-algorithm} (in that order).
   */
  static Optional<ChecksumAlgorithm> checksumAlgorithm(
      S3Request request, Optional<String> headerName) {
    Optional<String> name =
        headerName
            .map(n -> n.substring("x-amz-checksum-".length()))
            .or(
                () ->
                    request
                        .header("x-amz-trailer")
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .filter(t -> t.startsWith("x-amz-checksum-"))
                        .map(t -> t.substring("x-amz-checksum-".length())))
            .or(() -> request.header("x-amz-sdk-checksum-algorithm"));
    try {
      return name.map(ChecksumAlgorithm::parse);
    } catch (IllegalArgumentException e) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "Value for x-amz-sdk-checksum-algorithm header is invalid: " + name.get());
    }
  }
}
