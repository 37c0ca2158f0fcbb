package network.icn.gateway.auth;

import java.util.Base64;
import java.util.Objects;
import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * A checksum the client sent (header or trailer) that the decoded body matched, for the object
 * layer to store and return.
 *
 * @param algorithm the algorithm
 * @param base64 the value as S3 sends it (base64 of the big-endian value)
 */
public record VerifiedChecksum(ChecksumAlgorithm algorithm, String base64) {
  public VerifiedChecksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(base64, "base64");
    if (Base64.getDecoder().decode(base64).length != algorithm.digestBytes()) {
      throw new IllegalArgumentException("not a " + algorithm + " value: " + base64);
    }
  }
}
