package network.icn.gateway.metadata;

import java.util.List;

/**
 * One page of ListMultipartUploads.
 *
 * @param uploads the uploads of the page in order
 * @param commonPrefixes the common prefixes of the page in order
 * @param truncated whether more entries follow
 * @param nextKeyMarker when truncated, the key (or common prefix) of the last entry, else null
 * @param nextUploadIdMarker when truncated and the last entry was an upload, its id, else null
 */
public record UploadListing(
    List<MultipartUploadRecord> uploads,
    List<String> commonPrefixes,
    boolean truncated,
    String nextKeyMarker,
    String nextUploadIdMarker) {
  public UploadListing {
    uploads = List.copyOf(uploads);
    commonPrefixes = List.copyOf(commonPrefixes);
  }
}
