package network.icn.gateway.auth;

import java.util.Locale;
import java.util.Optional;

/** The S3 additional checksums ({@code x-amz-checksum-*}), with their digest sizes. */
public enum ChecksumAlgorithm {
  CRC32(4),
  CRC32C(4),
  CRC64NVME(8),
  SHA1(20),
  SHA256(32);

  private final int digestBytes;

  ChecksumAlgorithm(int digestBytes) {
    this.digestBytes = digestBytes;
  }

  public int digestBytes() {
    return digestBytes;
  }

  /** {@code x-amz-checksum-crc32c} and so on. */
  public String headerName() {
    return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
  }

  /** The algorithm a lowercased {@code x-amz-checksum-*} header name stands for. */
  public static Optional<ChecksumAlgorithm> fromHeaderName(String lowercaseName) {
    for (ChecksumAlgorithm a : values()) {
      if (a.headerName().equals(lowercaseName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
