package network.icn.gateway.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A test-side HTTP/1.1 client over a plain socket with SigV4 from aws-sdk-java-v2's {@link
 * AwsV4HttpSigner}: every byte on the wire is the test's to choose (tampered signatures, truncated
 * bodies, odd query strings). One request per connection ({@code Connection: close}).
 */
final class RawHttp {
  private final int port;
  private final String accessKey;
  private final String secret;

  RawHttp(int port, String accessKey, String secret) {
    this.port = port;
    this.accessKey = accessKey;
    this.secret = secret;
  }

  /** How to sign. */
  enum Mode {
    /** {@code x-amz-content-sha256} = the body's SHA-256. */
    SIGNED_PAYLOAD,
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked with chunk signatures. */
    CHUNKED,
    /** Query-string signature (presigned URL), {@code UNSIGNED-PAYLOAD}. */
    PRESIGNED,
    /**
     * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without chunk signatures, with an
     * {@code x-amz-checksum-crc32} trailer.
     */
    UNSIGNED_TRAILER
  }

  /** A signed request: its head (request line and headers, no blank line) and its wire body. */
  record Signed(String method, String target, Map<String, List<String>> headers, byte[] wire) {
    /** The request line and headers with {@code Connection: close}, ending in a blank line. */
    byte[] head() {
      StringBuilder b = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      headers.forEach(
          (n, vs) -> vs.forEach(v -> b.append(n).append(": ").append(v).append("\r\n")));
      b.append("Connection: close\r\n\r\n");
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    URI uri(int port) {
      return URI.create("http://127.0.0.1:" + port + target);
    }

    /** A copy sent to another request target (path and query as on the wire). */
    Signed withTarget(String newTarget) {
      return new Signed(method, newTarget, headers, wire);
    }

    /** A copy with {@code header} replaced by {@code value} (after signing). */
    Signed withHeader(String header, String value) {
      Map<String, List<String>> copy = new LinkedHashMap<>(headers);
      copy.keySet().removeIf(n -> n.equalsIgnoreCase(header));
      copy.put(header, List.of(value));
      return new Signed(method, target, copy, wire);
    }
  }

  /** The response as read until the server closed the connection. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code <Code>} of an S3 error document, or null. */
    String code() {
      String t = text();
      int s = t.indexOf("<Code>");
      return s < 0 ? null : t.substring(s + 6, t.indexOf("</Code>", s));
    }
  }

  /**
   * Signs a request.
   *
   * @param encodedPath the path as sent (already percent-encoded)
   * @param query raw (unencoded) query parameters, in order; repeats allowed
   * @param headers extra headers to sign
   * @param body the decoded body, or null for none
   */
  Signed sign(
      SdkHttpMethod method,
      String encodedPath,
      List<Map.Entry<String, String>> query,
      Map<String, String> headers,
      byte[] body,
      Mode mode,
      Clock clock,
      Duration expires) {
    SdkHttpRequest.Builder builder =
        SdkHttpRequest.builder()
            // Signed as https: over http the SDK signs the payload even when told not to, which a
            // presigned URL (UNSIGNED-PAYLOAD) must not. The wire is plain HTTP either way.
            .protocol("https")
            .host("127.0.0.1")
            .port(port)
            .method(method)
            .encodedPath(encodedPath);
    query.forEach(e -> builder.appendRawQueryParameter(e.getKey(), e.getValue()));
    headers.forEach(builder::putHeader);
    if (body != null && mode != Mode.PRESIGNED) {
      builder.putHeader("Content-Length", Integer.toString(body.length));
    }
    SdkHttpRequest http = builder.build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                      .request(http)
                      .putProperty(AwsV4HttpSigner.REGION_NAME, S3TestGateway.REGION)
                      .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                      .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                      .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                      .putProperty(
                          AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED,
                          mode == Mode.SIGNED_PAYLOAD || mode == Mode.CHUNKED)
                      .putProperty(
                          AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED,
                          mode == Mode.CHUNKED || mode == Mode.UNSIGNED_TRAILER);
                  if (mode == Mode.UNSIGNED_TRAILER) {
                    r.putProperty(
                        AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32);
                  }
                  if (body != null) {
                    r.payload(ContentStreamProvider.fromByteArray(body));
                  }
                  if (mode == Mode.PRESIGNED) {
                    r.putProperty(
                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
                    r.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires);
                  }
                });
    URI uri = signed.request().getUri();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    byte[] wire = new byte[0];
    if (signed.payload().isPresent()) {
      try (InputStream in = signed.payload().get().newStream()) {
        wire = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (body != null) {
      wire = body;
    }
    Map<String, List<String>> out = new LinkedHashMap<>(signed.request().headers());
    if (mode == Mode.PRESIGNED && body != null) {
      out.put("Content-Length", List.of(Integer.toString(wire.length)));
    }
    return new Signed(method.name(), target, out, wire);
  }

  /** A header-signed request with a signed payload, signed now. */
  Signed sign(SdkHttpMethod method, String encodedPath, Map<String, String> headers, byte[] body) {
    return sign(
        method,
        encodedPath,
        List.of(),
        headers,
        body,
        Mode.SIGNED_PAYLOAD,
        Clock.systemUTC(),
        null);
  }

  /** Sends the request whole and reads the response. */
  Response send(Signed request) {
    return exchange(request.head(), request.wire(), true);
  }

  /**
   * Writes {@code head} and {@code body}; when {@code readResponse}, reads the response until the
   * server closes the connection, else closes the socket right after writing (a client that gives
   * up mid-body) and returns null.
   */
  Response exchange(byte[] head, byte[] body, boolean readResponse) {
    return exchange(head, body, readResponse, true);
  }

  /** As {@link #exchange(byte[], byte[], boolean)}; {@code reset} picks RST or FIN on give-up. */
  Response exchange(byte[] head, byte[] body, boolean readResponse, boolean reset) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        if (!readResponse) {
          throw e;
        }
        // The server answered early and closed: read what it said.
      }
      if (!readResponse) {
        if (reset) {
          socket.setSoLinger(true, 0); // RST: the connection vanishes mid-body
        }
        return null;
      }
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IllegalStateException(
          "no complete response head: " + new String(raw, StandardCharsets.UTF_8));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.UTF_8).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    String length = headers.get("content-length");
    if (length != null && Integer.parseInt(length) < body.length) {
      body = java.util.Arrays.copyOf(body, Integer.parseInt(length));
    }
    return new Response(status, headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Concatenates byte arrays. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static List<Map.Entry<String, String>> params(String... nameValues) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      out.add(Map.entry(nameValues[i], nameValues[i + 1]));
    }
    return out;
  }
}
