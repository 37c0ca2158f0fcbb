package network.icn.gateway.s3;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import network.icn.gateway.http.HttpExchange;
import network.icn.gateway.http.ResponseHeaders;
import network.icn.gateway.metadata.ContentHeaders;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartBoundary;
import network.icn.gateway.object.ByteRange;
import network.icn.gateway.object.ObjectSink;
import network.icn.gateway.object.ObjectStore;
import network.icn.gateway.object.PartRanges;
import network.icn.gateway.object.UploadPartRequest;

/**
 * GetObject and HeadObject: ranges (incl. suffix and open ranges), {@code response-*} overrides,
 * conditional requests with RFC 9110 precedence, checksums on request.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html">GetObject</a>
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html">HeadObject</a>
 */
final class ObjectReadHandler {
  private static final Map<String, String> OVERRIDES =
      Map.of(
          "response-content-type", "Content-Type",
          "response-content-language", "Content-Language",
          "response-expires", "Expires",
          "response-cache-control", "Cache-Control",
          "response-content-disposition", "Content-Disposition",
          "response-content-encoding", "Content-Encoding");

  private final ObjectStore objects;
  private final BucketAccess access;

  ObjectReadHandler(ObjectStore objects, BucketAccess access) {
    this.objects = Objects.requireNonNull(objects, "objects");
    this.access = Objects.requireNonNull(access, "access");
  }

  void getObject(S3Request request, String bucket, String key) {
    serve(request, bucket, key, false);
  }

  void headObject(S3Request request, String bucket, String key) {
    serve(request, bucket, key, true);
  }

  private void serve(S3Request request, String bucket, String key, boolean head) {
    access.owned(bucket, request.tenantId());
    ObjectRecord record = objects.head(bucket, key);
    if (!preconditions(request, record)) {
      return;
    }
    Optional<Integer> partNumber = request.param("partNumber").map(ObjectReadHandler::partNumber);
    if (partNumber.isPresent() && request.header("Range").isPresent()) {
      throw new S3Exception(
          S3Error.INVALID_REQUEST,
          "Cannot specify both Range header and partNumber query parameter");
    }
    boolean multipart = !record.layout().parts().isEmpty();
    Optional<ByteRange> range = request.header("Range").flatMap(ObjectReadHandler::parseRange);
    if (partNumber.isPresent()) {
      // A part of a multipart object is a 206 range; part 1 of a single-part object is all of it.
      ByteRange.Resolved p = PartRanges.resolve(record, partNumber.get());
      range =
          multipart && p.length() > 0
              ? Optional.of(new ByteRange.FromTo(p.offset(), p.offset() + p.length() - 1))
              : Optional.empty();
    }
    ByteRange.Resolved part =
        range.map(r -> r.resolve(record.size())).orElse(new ByteRange.Resolved(0, record.size()));
    if (partNumber.isPresent() && multipart && range.isEmpty()) {
      part = new ByteRange.Resolved(0, 0); // an empty part
    }
    ResponseHeaders headers = objectHeaders(record);
    applyOverrides(request, headers);
    boolean checksumMode =
        request.header("x-amz-checksum-mode").orElse("").equalsIgnoreCase("ENABLED");
    if (checksumMode && partNumber.isPresent() && multipart) {
      // The part's own checksum, as S3 returns for a part of a composite-checksum object.
      PartBoundary boundary = record.layout().parts().get(partNumber.get() - 1);
      MultipartHandler.checksumHeaders(boundary.checksums(), headers);
    } else if (checksumMode && range.isEmpty()) {
      checksumHeaders(record, headers);
    }
    if (partNumber.isPresent() && multipart) {
      headers.add("x-amz-mp-parts-count", Integer.toString(PartRanges.count(record)));
    }
    int status = 200;
    if (range.isPresent()) {
      status = 206;
      headers.add(
          "Content-Range",
          "bytes "
              + part.offset()
              + "-"
              + (part.offset() + part.length() - 1)
              + "/"
              + record.size());
    }
    if (head || part.length() == 0) {
      request.exchange().startResponse(status, headers, part.length());
      request.exchange().endResponse();
      return;
    }
    // The status line waits for the first decoded bytes: an object that cannot be read at all
    // (fewer than k shards of its first stripe) is a plain 503 error, not a cut 200.
    ResponseBody body = new ResponseBody(request.exchange(), status, headers, part.length());
    objects.read(record, range, body);
    body.start();
    request.exchange().endResponse();
  }

  /** The object's bytes into the response, which starts at the first bytes. */
  private static final class ResponseBody implements ObjectSink {
    private final HttpExchange exchange;
    private final int status;
    private final ResponseHeaders headers;
    private final long length;
    private boolean started;

    ResponseBody(HttpExchange exchange, int status, ResponseHeaders headers, long length) {
      this.exchange = exchange;
      this.status = status;
      this.headers = headers;
      this.length = length;
    }

    void start() {
      if (!started) {
        started = true;
        exchange.startResponse(status, headers, length);
      }
    }

    @Override
    public void write(ByteBuffer data) {
      start();
      exchange.writeBody(data);
      data.position(data.limit());
    }

    @Override
    public void writeOwned(ByteBuffer data, Runnable release) {
      try {
        start();
      } catch (RuntimeException | Error e) {
        release.run();
        throw e;
      }
      exchange.writeBodyOwned(data, release);
    }

    @Override
    public void writeOwned(ByteBuffer[] parts, Runnable release) {
      try {
        start();
      } catch (RuntimeException | Error e) {
        release.run();
        throw e;
      }
      exchange.writeBodyOwned(parts, release);
    }
  }

  private static int partNumber(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= UploadPartRequest.MAX_PART_NUMBER) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new S3Exception(
        S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive");
  }

  /** The headers GET and HEAD share (also used by 304 and by PutObject's neighbours). */
  static ResponseHeaders objectHeaders(ObjectRecord record) {
    ContentHeaders c = record.headers();
    ResponseHeaders headers =
        new ResponseHeaders()
            .add("ETag", record.etag())
            .add("Last-Modified", Responses.httpDate(record.lastModified()))
            .add("Accept-Ranges", "bytes")
            .add("Content-Type", c.contentType() == null ? "binary/octet-stream" : c.contentType())
            .add("Content-Encoding", c.contentEncoding())
            .add("Content-Disposition", c.contentDisposition())
            .add("Content-Language", c.contentLanguage())
            .add("Cache-Control", c.cacheControl())
            .add("Expires", c.expires());
    if (!record.storageClass().equals("STANDARD")) {
      headers.add("x-amz-storage-class", record.storageClass());
    }
    record
        .userMetadata()
        .forEach(
            (name, value) -> headers.add("x-amz-meta-" + name, UserMetadataValues.toHeader(value)));
    return headers;
  }

  static void checksumHeaders(ObjectRecord record, ResponseHeaders headers) {
    record
        .checksums()
        .values()
        .forEach(
            (algorithm, value) ->
                headers.add("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT), value));
    if (!record.checksums().isEmpty()) {
      headers.add("x-amz-checksum-type", record.checksums().type().name());
    }
  }

  private static void applyOverrides(S3Request request, ResponseHeaders headers) {
    OVERRIDES.forEach(
        (param, header) -> request.param(param).ifPresent(v -> headers.set(header, v)));
  }

  /**
   * Evaluates If-Match, If-Unmodified-Since (412), If-None-Match, If-Modified-Since (304) in that
   * order; a present If-Match makes If-Unmodified-Since moot, a present If-None-Match makes
   * If-Modified-Since moot. Returns false when it answered.
   */
  private static boolean preconditions(S3Request request, ObjectRecord record) {
    Optional<String> ifMatch = request.header("If-Match");
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    Instant modified = record.lastModified().truncatedTo(ChronoUnit.SECONDS);
    if (ifMatch.isPresent()) {
      if (!etagMatches(ifMatch.get(), record.etag())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    } else {
      Optional<Instant> since =
          request.header("If-Unmodified-Since").flatMap(ObjectReadHandler::date);
      if (since.isPresent() && modified.isAfter(since.get())) {
        throw new S3Exception(S3Error.PRECONDITION_FAILED);
      }
    }
    boolean notModified;
    if (ifNoneMatch.isPresent()) {
      notModified = etagMatches(ifNoneMatch.get(), record.etag());
    } else {
      Optional<Instant> since =
          request.header("If-Modified-Since").flatMap(ObjectReadHandler::date);
      notModified = since.isPresent() && !modified.isAfter(since.get());
    }
    if (notModified) {
      ResponseHeaders headers =
          new ResponseHeaders()
              .add("ETag", record.etag())
              .add("Last-Modified", Responses.httpDate(record.lastModified()));
      request.exchange().respond(304, headers, new byte[0]);
      return false;
    }
    return true;
  }

  static boolean etagMatches(String header, String etag) {
    String want = unquote(etag);
    for (String candidate : header.split(",")) {
      String c = candidate.strip();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (unquote(c).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }

  /** An HTTP date (RFC 1123); anything unparsable is ignored, as S3 does. */
  static Optional<Instant> date(String value) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}; a header S3 cannot use (other units,
   * several ranges, bad syntax, last before first) is ignored and the whole object is sent. {@code
   * bytes=-0} is a valid but unsatisfiable suffix (416).
   */
  static Optional<ByteRange> parseRange(String header) {
    String h = header.strip();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = h.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    try {
      if (first.isEmpty()) {
        long n = Long.parseLong(last);
        if (n == 0) {
          throw new S3Exception(S3Error.INVALID_RANGE);
        }
        return n < 0 ? Optional.empty() : Optional.of(new ByteRange.Suffix(n));
      }
      long a = Long.parseLong(first);
      if (a < 0) {
        return Optional.empty();
      }
      if (last.isEmpty()) {
        return Optional.of(new ByteRange.From(a));
      }
      long b = Long.parseLong(last);
      return b < a ? Optional.empty() : Optional.of(new ByteRange.FromTo(a, b));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
