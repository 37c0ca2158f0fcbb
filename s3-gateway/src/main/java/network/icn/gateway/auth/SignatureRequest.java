package network.icn.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A parsed SigV4 signature: what the client claims, before anything is checked against a clock, a
 * key or the gateway's region.
 *
 * @param location where the signature came from (Authorization header or presigned query)
 * @param accessKeyId the access key id of the credential
 * @param scope the credential scope as sent (may name a wrong region or service)
 * @param amzDate the request timestamp exactly as sent ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param requestTime {@code amzDate} as an instant
 * @param signedHeaders the lowercased signed header names, sorted, no duplicates
 * @param signature the 64 lowercase hex digits of the presented signature
 */
public record SignatureRequest(
    AuthLocation location,
    String accessKeyId,
    CredentialScope scope,
    String amzDate,
    Instant requestTime,
    List<String> signedHeaders,
    String signature) {
  public SignatureRequest {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(amzDate, "amzDate");
    Objects.requireNonNull(requestTime, "requestTime");
    signedHeaders = List.copyOf(signedHeaders);
    Objects.requireNonNull(signature, "signature");
    if (accessKeyId.isEmpty()) {
      throw new IllegalArgumentException("accessKeyId is empty");
    }
    if (signedHeaders.isEmpty()) {
      throw new IllegalArgumentException("no signed headers");
    }
    if (signature.length() != 64 || !signature.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("signature must be 64 hex digits");
    }
  }

  /** Where the signature travels; decides the canonical query and the time checks. */
  public sealed interface AuthLocation permits Header, Query {}

  /** {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}. */
  public record Header() implements AuthLocation {}

  /**
   * A presigned URL ({@code X-Amz-Algorithm} … {@code X-Amz-Signature} query parameters).
   *
   * @param expires {@code X-Amz-Expires}, 1 second to 7 days
   */
  public record Query(Duration expires) implements AuthLocation {
    public static final Duration MAX_EXPIRES = Duration.ofDays(7);

    public Query {
      Objects.requireNonNull(expires, "expires");
      if (expires.compareTo(Duration.ofSeconds(1)) < 0 || expires.compareTo(MAX_EXPIRES) > 0) {
        throw new IllegalArgumentException("expires out of range: " + expires);
      }
    }
  }
}
