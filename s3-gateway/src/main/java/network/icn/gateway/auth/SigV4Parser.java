package network.icn.gateway.auth;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses the SigV4 parts of a request (Authorization header or presigned query) into a {@link
 * SignatureRequest}. Only syntax is checked here; the scope, clock and signature are the
 * verifier's.
 */
public final class SigV4Parser {
  static final String AMZ_DATE_PATTERN = "yyyyMMdd'T'HHmmss'Z'";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern(AMZ_DATE_PATTERN, Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String HEADER_PREFIX = Hashing.ALGORITHM + " ";
  private static final List<String> QUERY_PARAMS =
      List.of(
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Signature",
          "X-Amz-Date",
          "X-Amz-SignedHeaders",
          "X-Amz-Expires");

  private SigV4Parser() {}

  /** Which SigV4 form a request uses, or none. */
  public enum Form {
    HEADER,
    QUERY,
    ANONYMOUS
  }

  /**
   * Classifies the request.
   *
   * @throws AuthException INVALID_ARGUMENT for both forms at once or an unsupported scheme,
   *     NOT_IMPLEMENTED for SigV4a
   */
  public static Form form(SignableRequest request) {
    boolean header = request.headers().contains("authorization");
    boolean query =
        Canonicalizer.queryParams(request.rawQuery()).stream()
            .anyMatch(
                e ->
                    e.getKey().equals("X-Amz-Algorithm")
                        || e.getKey().equals("X-Amz-Credential")
                        || e.getKey().equals("X-Amz-Signature"));
    boolean v2Query =
        Canonicalizer.queryParams(request.rawQuery()).stream()
            .anyMatch(e -> e.getKey().equals("AWSAccessKeyId"));
    if (header && (query || v2Query)) {
      throw AuthException.of(
          AuthError.INVALID_ARGUMENT,
          "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature"
              + " query string parameter or the Authorization header should be specified");
    }
    if (header) {
      String value = request.headers().first("authorization").orElseThrow().strip();
      if (value.startsWith("AWS4-ECDSA-P256-SHA256")) {
        throw AuthException.of(AuthError.NOT_IMPLEMENTED, "SigV4a is not supported");
      }
      if (!value.startsWith(HEADER_PREFIX)) {
        throw AuthException.of(AuthError.INVALID_ARGUMENT, "Unsupported Authorization Type");
      }
      return Form.HEADER;
    }
    if (v2Query) {
      throw AuthException.of(
          AuthError.INVALID_ARGUMENT, "Unsupported Authorization Type (SigV2 presigned URL)");
    }
    return query ? Form.QUERY : Form.ANONYMOUS;
  }

  /** Parses {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}. */
  public static SignatureRequest parseHeader(SignableRequest request) {
    AuthError malformed = AuthError.AUTHORIZATION_HEADER_MALFORMED;
    String value =
        request
            .headers()
            .first("authorization")
            .orElseThrow(() -> AuthException.of(malformed, "missing Authorization header"))
            .strip();
    if (!value.startsWith(HEADER_PREFIX)) {
      throw AuthException.of(AuthError.INVALID_ARGUMENT, "Unsupported Authorization Type");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : value.substring(HEADER_PREFIX.length()).split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw AuthException.of(
            malformed, "The authorization header is malformed; cannot parse '" + p + "'");
      }
      if (parts.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip()) != null) {
        throw AuthException.of(
            malformed, "The authorization header is malformed; repeated component " + p);
      }
    }
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null || signedHeaders == null || signature == null) {
      throw AuthException.of(
          malformed,
          "The authorization header is malformed; the authorization header requires three"
              + " components: Credential, SignedHeaders, and Signature.");
    }
    String amzDate = headerDate(request);
    return build(
        new SignatureRequest.Header(), malformed, credential, signedHeaders, signature, amzDate);
  }

  /** Parses the {@code X-Amz-*} parameters of a presigned URL. */
  public static SignatureRequest parseQuery(SignableRequest request) {
    AuthError malformed = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
    Map<String, String> params = new HashMap<>();
    for (Map.Entry<String, String> e : Canonicalizer.queryParams(request.rawQuery())) {
      if (QUERY_PARAMS.contains(e.getKey()) && params.put(e.getKey(), e.getValue()) != null) {
        throw AuthException.of(malformed, e.getKey() + " is repeated");
      }
    }
    if (!params.keySet().containsAll(QUERY_PARAMS)) {
      throw AuthException.of(
          malformed,
          "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
              + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires"
              + " parameters.");
    }
    if (!params.get("X-Amz-Algorithm").equals(Hashing.ALGORITHM)) {
      throw AuthException.of(malformed, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    }
    long expires;
    try {
      expires = Long.parseLong(params.get("X-Amz-Expires"));
    } catch (NumberFormatException e) {
      throw AuthException.of(malformed, "X-Amz-Expires should be a number");
    }
    if (expires < 0) {
      throw AuthException.of(malformed, "X-Amz-Expires must be non-negative");
    }
    if (expires == 0) {
      throw AuthException.of(malformed, "X-Amz-Expires must be at least 1 second");
    }
    if (expires > SignatureRequest.Query.MAX_EXPIRES.toSeconds()) {
      throw AuthException.of(
          malformed, "X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }
    return build(
        new SignatureRequest.Query(Duration.ofSeconds(expires)),
        malformed,
        params.get("X-Amz-Credential"),
        params.get("X-Amz-SignedHeaders"),
        params.get("X-Amz-Signature"),
        params.get("X-Amz-Date"));
  }

  /** Parses {@code yyyyMMdd'T'HHmmss'Z'}. */
  static Instant parseAmzDate(String amzDate) {
    try {
      return AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String formatAmzDate(Instant instant) {
    return AMZ_DATE.format(instant);
  }

  private static String headerDate(SignableRequest request) {
    var amzDate = request.headers().first("x-amz-date");
    if (amzDate.isPresent()) {
      return amzDate.get().strip();
    }
    var date = request.headers().first("date");
    if (date.isPresent()) {
      try {
        ZonedDateTime parsed =
            ZonedDateTime.parse(date.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return formatAmzDate(parsed.toInstant());
      } catch (DateTimeParseException e) {
        // falls through to the error below
      }
    }
    throw AuthException.of(
        AuthError.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
  }

  private static SignatureRequest build(
      SignatureRequest.AuthLocation location,
      AuthError malformed,
      String credential,
      String signedHeaders,
      String signature,
      String amzDate) {
    String prefix =
        malformed == AuthError.AUTHORIZATION_HEADER_MALFORMED
            ? "The authorization header is malformed; "
            : "Error parsing the X-Amz-Credential parameter; ";
    Instant requestTime = parseAmzDate(amzDate);
    if (requestTime == null) {
      if (location instanceof SignatureRequest.Query) {
        throw AuthException.of(
            malformed, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
      }
      throw AuthException.of(
          AuthError.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
    }
    String[] fields = credential.split("/", -1);
    if (fields.length < 5) {
      throw AuthException.of(
          malformed,
          prefix
              + "the Credential is mal-formed; expecting"
              + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    int n = fields.length;
    String accessKeyId = String.join("/", List.of(fields).subList(0, n - 4));
    String date = fields[n - 4];
    String region = fields[n - 3];
    String service = fields[n - 2];
    String terminator = fields[n - 1];
    if (accessKeyId.isEmpty() || region.isEmpty() || service.isEmpty()) {
      throw AuthException.of(
          malformed,
          prefix
              + "the Credential is mal-formed; expecting"
              + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    if (!terminator.equals(CredentialScope.TERMINATOR)) {
      throw AuthException.of(
          malformed,
          prefix
              + "incorrect terminal \""
              + terminator
              + "\". This endpoint uses \"aws4_request\".");
    }
    LocalDate scopeDate;
    try {
      scopeDate = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeException e) {
      throw AuthException.of(
          malformed,
          prefix + "incorrect date format \"" + date + "\". This date should be YYYYMMDD");
    }
    TreeSet<String> headers = new TreeSet<>();
    for (String h : signedHeaders.split(";", -1)) {
      String name = h.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw AuthException.of(malformed, prefix + "SignedHeaders has an empty entry");
      }
      headers.add(name);
    }
    if (signature.length() != 64 || !signature.chars().allMatch(HexFormat::isHexDigit)) {
      throw AuthException.of(
          AuthError.SIGNATURE_DOES_NOT_MATCH,
          "The request signature we calculated does not match the signature you provided.");
    }
    return new SignatureRequest(
        location,
        accessKeyId,
        new CredentialScope(scopeDate, region, service),
        amzDate,
        requestTime,
        List.copyOf(headers),
        signature.toLowerCase(Locale.ROOT));
  }
}
