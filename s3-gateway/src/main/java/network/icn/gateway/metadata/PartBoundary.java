package network.icn.gateway.metadata;

/**
 * Where a part of a completed multipart object lies: parts are contiguous and in order, so the
 * offset of a part is the sum of the sizes before it. Kept so that GET with {@code partNumber} and
 * composite checksums work after completion.
 *
 * @param partNumber the S3 part number (1..10000)
 * @param size bytes of the part
 * @param etag the part's ETag (quoted hex MD5 as returned by UploadPart)
 * @param checksums the part's additional checksums, if any
 */
public record PartBoundary(int partNumber, long size, String etag, Checksums checksums) {
  public PartBoundary {
    Check.partNumber(partNumber);
    Check.nonNegative(size, "part size");
    Check.text(etag, "part etag");
    Check.present(checksums, "part checksums");
  }
}
