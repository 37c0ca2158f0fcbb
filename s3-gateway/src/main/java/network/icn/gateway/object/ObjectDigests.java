package network.icn.gateway.object;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * MD5 (the ETag) and at most one requested S3 checksum, computed in the same pass over the body as
 * it streams in: every byte is hashed once per purpose. Not thread-safe.
 */
public final class ObjectDigests {
  private final MessageDigest md5;
  private final Optional<ChecksumAlgorithm> algorithm;
  private final ChecksumAlgorithm.Running checksum;
  private long length;

  public ObjectDigests(Optional<ChecksumAlgorithm> algorithm) {
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from the JDK", e);
    }
    this.algorithm = algorithm;
    this.checksum = algorithm.map(ChecksumAlgorithm::start).orElse(null);
  }

  /** Hashes {@code data}'s remaining bytes without moving its position. */
  public void update(ByteBuffer data) {
    length += data.remaining();
    md5.update(data.duplicate());
    if (checksum != null) {
      checksum.update(data.duplicate());
    }
  }

  /** Bytes hashed so far. */
  public long length() {
    return length;
  }

  /** Finishes both computations. */
  public Result finish() {
    byte[] digest = md5.digest();
    return new Result(
        digest,
        algorithm,
        checksum == null
            ? Optional.empty()
            : Optional.of(Base64.getEncoder().encodeToString(checksum.finish())));
  }

  /**
   * The digests of a body.
   *
   * @param md5 the 16-byte MD5
   * @param algorithm the checksum requested, if any
   * @param checksumBase64 its value, base64 of the big-endian bytes
   */
  public record Result(
      byte[] md5, Optional<ChecksumAlgorithm> algorithm, Optional<String> checksumBase64) {
    public Result {
      md5 = md5.clone();
    }

    @Override
    public byte[] md5() {
      return md5.clone();
    }

    /** The S3 ETag of a single-part object: the quoted lowercase hex MD5. */
    public String etag() {
      return "\"" + HexFormat.of().formatHex(md5) + "\"";
    }

    /** The MD5 as base64 (what Content-MD5 carries). */
    public String md5Base64() {
      return Base64.getEncoder().encodeToString(md5);
    }
  }
}
