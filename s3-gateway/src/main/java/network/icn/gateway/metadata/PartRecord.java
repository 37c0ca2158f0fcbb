package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded part. Parts are always segmented (never inline), so that completion only
 * concatenates segment lists.
 *
 * @param uploadId the upload it belongs to
 * @param partNumber 1..10000
 * @param size bytes of the part
 * @param etag the part ETag
 * @param checksums the part's additional checksums
 * @param segments the part's segments
 * @param lastModified when UploadPart committed
 */
public record PartRecord(
    String uploadId,
    int partNumber,
    long size,
    String etag,
    Checksums checksums,
    List<SegmentRecord> segments,
    Instant lastModified) {
  public PartRecord {
    Check.keyPart(uploadId, "upload id");
    Check.partNumber(partNumber);
    Check.nonNegative(size, "part size");
    Check.text(etag, "part etag");
    Check.present(checksums, "part checksums");
    segments = List.copyOf(Check.present(segments, "segments"));
    long total = segments.stream().mapToLong(SegmentRecord::dataLength).sum();
    if (total != size) {
      throw Check.invalid("part size " + size + " does not match its segments' " + total);
    }
    Check.present(lastModified, "last modified");
  }

  /** The boundary this part becomes in the completed object. */
  public PartBoundary boundary() {
    return new PartBoundary(partNumber, size, etag, checksums);
  }
}
