package network.icn.gateway.auth;

/**
 * Failures of request authentication and body verification, each with the S3 error code and HTTP
 * status AWS returns for it. The gateway's error mapper turns an {@link AuthException} into the S3
 * XML error response without a lookup table of its own.
 */
public enum AuthError {
  /** No valid credentials, an expired or not-yet-valid presigned URL, unsigned x-amz headers. */
  ACCESS_DENIED("AccessDenied", 403),
  /** The signature (request, chunk or trailer) is not the one we compute. */
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
  /** The access key id is unknown, revoked, or belongs to an inactive tenant. */
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403),
  /** Header auth more than 15 minutes away from the gateway clock. */
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403),
  /** The Authorization header does not parse, or its scope is wrong (date, region, service). */
  AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400),
  /** The presigned query parameters are missing, malformed, or out of range. */
  AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400),
  /** A required header is missing. */
  MISSING_SECURITY_HEADER("MissingSecurityHeader", 400),
  /** The request is structurally invalid for authentication (missing x-amz-content-sha256 …). */
  INVALID_REQUEST("InvalidRequest", 400),
  /** The body's SHA-256 is not the x-amz-content-sha256 the client signed. */
  X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400),
  /** A Content-MD5 header that is not base64 of 16 bytes. */
  INVALID_DIGEST("InvalidDigest", 400),
  /** The body does not match its Content-MD5 or x-amz-checksum-* value. */
  BAD_DIGEST("BadDigest", 400),
  /** The body ended before the declared length (or before the final aws-chunked chunk). */
  INCOMPLETE_BODY("IncompleteBody", 400),
  /** A malformed value: an unsupported auth type, a bad header value, broken chunk framing. */
  INVALID_ARGUMENT("InvalidArgument", 400),
  /** A request path or query that is not valid percent-encoding. */
  INVALID_URI("InvalidURI", 400),
  /** A streaming upload without x-amz-decoded-content-length. */
  MISSING_CONTENT_LENGTH("MissingContentLength", 411),
  /** Session tokens and SigV4a are not implemented by this gateway. */
  NOT_IMPLEMENTED("NotImplemented", 501);

  private final String s3Code;
  private final int httpStatus;

  AuthError(String s3Code, int httpStatus) {
    this.s3Code = s3Code;
    this.httpStatus = httpStatus;
  }

  /** The {@code <Code>} of the S3 error response. */
  public String s3Code() {
    return s3Code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
