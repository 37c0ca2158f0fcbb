package network.icn.gateway.object;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <Part>} of a CompleteMultipartUpload request.
 *
 * @param etag the ETag UploadPart returned (quoted or not)
 * @param checksum the part checksum the client lists (base64), checked if present
 */
public record CompletedPart(int partNumber, String etag, Optional<String> checksum) {
  public CompletedPart {
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(checksum, "checksum");
  }

  public static CompletedPart of(int partNumber, String etag) {
    return new CompletedPart(partNumber, etag, Optional.empty());
  }
}
