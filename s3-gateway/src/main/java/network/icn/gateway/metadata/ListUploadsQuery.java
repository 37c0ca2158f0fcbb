package network.icn.gateway.metadata;

/**
 * A ListMultipartUploads page request. Entries are uploads (ordered by key, then upload id) and
 * common prefixes, as in {@link ListObjectsQuery}. Without an upload-id marker the page starts
 * after every upload of {@code keyMarker}; with one, after that upload of {@code keyMarker}.
 *
 * @param prefix only keys starting with it
 * @param delimiter roll keys up at it ({@code ""} for none)
 * @param keyMarker exclusive key bound ({@code ""} for none)
 * @param uploadIdMarker upload id bound within {@code keyMarker} ({@code ""} for none)
 * @param maxUploads at most this many entries
 */
public record ListUploadsQuery(
    String prefix, String delimiter, String keyMarker, String uploadIdMarker, int maxUploads) {
  public ListUploadsQuery {
    prefix = Check.optionalKeyPart(prefix, "prefix");
    delimiter = Check.optionalKeyPart(delimiter, "delimiter");
    keyMarker = Check.optionalKeyPart(keyMarker, "key marker");
    uploadIdMarker = Check.optionalKeyPart(uploadIdMarker, "upload id marker");
    if (!uploadIdMarker.isEmpty() && keyMarker.isEmpty()) {
      throw Check.invalid("an upload id marker needs a key marker");
    }
    if (maxUploads < 0) {
      throw Check.invalid("max uploads must be >= 0, got " + maxUploads);
    }
  }

  public static ListUploadsQuery all(int maxUploads) {
    return new ListUploadsQuery("", "", "", "", maxUploads);
  }
}
