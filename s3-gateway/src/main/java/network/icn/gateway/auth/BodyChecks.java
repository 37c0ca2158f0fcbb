package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * The integrity checks on the decoded body besides the SigV4 payload hash: {@code Content-MD5} and
 * one {@code x-amz-checksum-*} value, sent as a header or as an aws-chunked trailer. Parsed once
 * per request (so malformed values fail before the body is read), run once per body.
 */
final class BodyChecks {
  private final byte[] contentMd5;
  private final ChecksumAlgorithm algorithm;
  private final String headerChecksum;
  private final boolean checksumInTrailer;

  private BodyChecks(
      byte[] contentMd5,
      ChecksumAlgorithm algorithm,
      String headerChecksum,
      boolean checksumInTrailer) {
    this.contentMd5 = contentMd5;
    this.algorithm = algorithm;
    this.headerChecksum = headerChecksum;
    this.checksumInTrailer = checksumInTrailer;
  }

  /** Reads {@code Content-MD5} and {@code x-amz-checksum-*} headers, both about the body. */
  static BodyChecks fromHeaders(
      RequestHeaders headers, Optional<ChecksumAlgorithm> trailerAlgorithm) {
    return fromHeaders(headers, trailerAlgorithm, true);
  }

  /**
   * Reads {@code Content-MD5} and {@code x-amz-checksum-*} headers.
   *
   * @param trailerAlgorithm the checksum {@code x-amz-trailer} announces, if any
   * @param headerChecksums whether {@code x-amz-checksum-*} value headers describe the body
   */
  static BodyChecks fromHeaders(
      RequestHeaders headers,
      Optional<ChecksumAlgorithm> trailerAlgorithm,
      boolean headerChecksums) {
    byte[] md5 = null;
    Optional<String> md5Header = headers.first("content-md5");
    if (md5Header.isPresent()) {
      md5 = decodeBase64(md5Header.get().strip());
      if (md5 == null || md5.length != 16) {
        throw AuthException.of(
            AuthError.INVALID_DIGEST, "The Content-MD5 you specified was invalid.");
      }
    }
    ChecksumAlgorithm headerAlgorithm = null;
    String headerValue = null;
    for (String name : headers.values().keySet()) {
      Optional<ChecksumAlgorithm> a = ChecksumAlgorithm.fromHeaderName(name);
      if (a.isEmpty() || !headerChecksums) {
        continue;
      }
      if (headerAlgorithm != null || trailerAlgorithm.isPresent()) {
        throw AuthException.of(
            AuthError.INVALID_REQUEST,
            "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
      }
      headerAlgorithm = a.get();
      headerValue = headers.first(name).orElseThrow().strip();
      checkChecksumValue(headerAlgorithm, headerValue, "header");
    }
    if (trailerAlgorithm.isPresent()) {
      return new BodyChecks(md5, trailerAlgorithm.get(), null, true);
    }
    return new BodyChecks(md5, headerAlgorithm, headerValue, false);
  }

  /** The checksum algorithm in play, if any. */
  Optional<ChecksumAlgorithm> algorithm() {
    return Optional.ofNullable(algorithm);
  }

  /** Running checks that compute and verify every digest the client sent. */
  Running start() {
    return new Running(true);
  }

  /**
   * Running checks that leave the digests to the caller, which computes them in its own single pass
   * (the object layer hashes every body byte once for MD5 and the S3 checksum): nothing is hashed
   * here; a trailer checksum is still required and its format checked.
   */
  Running startDeferred() {
    return new Running(false);
  }

  private static void checkChecksumValue(ChecksumAlgorithm a, String value, String where) {
    byte[] decoded = decodeBase64(value);
    if (decoded == null || decoded.length != a.digestBytes()) {
      throw AuthException.of(
          AuthError.INVALID_REQUEST, "Value for " + a.headerName() + " " + where + " is invalid.");
    }
  }

  private static byte[] decodeBase64(String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The running digests of one body. */
  final class Running {
    private final MessageDigest md5;
    private final S3Checksum checksum;
    private final boolean computing;
    private VerifiedChecksum verified;

    private Running(boolean computing) {
      this.computing = computing;
      this.md5 = computing && contentMd5 != null ? Hashing.digest("MD5") : null;
      this.checksum = computing && algorithm != null ? S3Checksum.of(algorithm) : null;
    }

    void update(ByteBuffer data) {
      if (md5 != null) {
        md5.update(data.duplicate());
      }
      if (checksum != null) {
        checksum.update(data.duplicate());
      }
    }

    /**
     * Compares the digests with what the client sent.
     *
     * @param trailers the parsed trailers (lowercased names), empty without aws-chunked trailers
     */
    void finish(Map<String, String> trailers) {
      if (!computing) {
        if (checksumInTrailer) {
          String claimed = trailers.get(algorithm.headerName());
          if (claimed == null) {
            throw AuthException.of(
                AuthError.INVALID_REQUEST,
                "The trailer "
                    + algorithm.headerName()
                    + " announced in x-amz-trailer is missing.");
          }
          checkChecksumValue(algorithm, claimed, "trailer");
        }
        return;
      }
      if (md5 != null && !MessageDigest.isEqual(md5.digest(), contentMd5)) {
        throw AuthException.of(
            AuthError.BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
      }
      if (checksum == null) {
        return;
      }
      String expected;
      if (checksumInTrailer) {
        expected = trailers.get(algorithm.headerName());
        if (expected == null) {
          throw AuthException.of(
              AuthError.INVALID_REQUEST,
              "The trailer " + algorithm.headerName() + " announced in x-amz-trailer is missing.");
        }
        checkChecksumValue(algorithm, expected, "trailer");
      } else {
        expected = headerChecksum;
      }
      String actual = checksum.base64();
      if (!actual.equals(expected)) {
        throw AuthException.of(
            AuthError.BAD_DIGEST,
            "The "
                + algorithm.name().toLowerCase(Locale.ROOT)
                + " you specified did not match the calculated checksum.");
      }
      verified = new VerifiedChecksum(algorithm, actual);
    }

    Optional<VerifiedChecksum> verified() {
      return Optional.ofNullable(verified);
    }
  }
}
