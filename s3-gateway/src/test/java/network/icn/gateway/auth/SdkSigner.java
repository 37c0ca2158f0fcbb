package network.icn.gateway.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Signs requests with aws-sdk-java-v2's own {@link AwsV4HttpSigner} (an implementation independent
 * of ours) and turns the result into what the HTTP layer would hand the verifier: the raw path, raw
 * query, headers and the wire bytes of the body.
 */
final class SdkSigner {
  static final String ACCESS_KEY = "AKIDGATEWAYTEST0001";
  static final String SECRET = "s3cr3t/With+Odd=Chars";
  static final String HOST = "bucket.s3.gateway.test";

  private final Clock clock;
  private String region = "us-east-1";
  private String service = "s3";
  private String sessionToken;

  SdkSigner(Clock clock) {
    this.clock = clock;
  }

  SdkSigner region(String region) {
    this.region = region;
    return this;
  }

  SdkSigner service(String service) {
    this.service = service;
    return this;
  }

  SdkSigner sessionToken(String token) {
    this.sessionToken = token;
    return this;
  }

  /** How to sign: header or query, payload handling, trailing checksum. */
  record Options(
      boolean presigned,
      Duration expires,
      boolean signPayload,
      boolean chunked,
      ChecksumAlgorithm trailerChecksum) {
    static Options unsignedPayload() {
      return new Options(false, null, false, false, null);
    }

    static Options signedPayload() {
      return new Options(false, null, true, false, null);
    }

    static Options presign(Duration expires) {
      return new Options(true, expires, false, false, null);
    }

    static Options chunkedSigned() {
      return new Options(false, null, true, true, null);
    }

    static Options chunkedSigned(ChecksumAlgorithm trailer) {
      return new Options(false, null, true, true, trailer);
    }

    static Options unsignedTrailer(ChecksumAlgorithm trailer) {
      return new Options(false, null, false, true, trailer);
    }
  }

  /** The request as received, and its body on the wire. */
  record Signed(SignableRequest request, byte[] wire) {}

  /** A request for an object key (encoded the way the SDK encodes S3 keys). */
  static SdkHttpRequest.Builder objectRequest(SdkHttpMethod method, String key) {
    return SdkHttpRequest.builder()
        .protocol("https")
        .host(HOST)
        .method(method)
        .encodedPath("/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
  }

  Signed sign(SdkHttpRequest.Builder builder, byte[] body, Options options) {
    if (body != null && !options.presigned()) {
      builder.putHeader("Content-Length", Long.toString(body.length));
    }
    SdkHttpRequest http = builder.build();
    AwsCredentialsIdentity identity =
        sessionToken == null
            ? AwsCredentialsIdentity.create(ACCESS_KEY, SECRET)
            : AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET, sessionToken);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(identity)
                      .request(http)
                      .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                      .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                      .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                      .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                      .putProperty(
                          AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, options.signPayload())
                      .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, options.chunked());
                  if (body != null) {
                    r.payload(ContentStreamProvider.fromByteArray(body));
                  }
                  if (options.trailerChecksum() != null) {
                    r.putProperty(
                        AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, options.trailerChecksum());
                  }
                  if (options.presigned()) {
                    r.putProperty(
                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
                    r.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, options.expires());
                  }
                });
    URI uri = signed.request().getUri();
    RequestHeaders.Builder headers = RequestHeaders.builder();
    for (Map.Entry<String, List<String>> e : signed.request().headers().entrySet()) {
      e.getValue().forEach(v -> headers.add(e.getKey(), v));
    }
    byte[] wire = new byte[0];
    if (signed.payload().isPresent()) {
      try (InputStream in = signed.payload().get().newStream()) {
        wire = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Signed(
        new SignableRequest(
            signed.request().method().name(),
            uri.getRawPath(),
            uri.getRawQuery() == null ? "" : uri.getRawQuery(),
            headers.build()),
        wire);
  }
}
