package network.icn.gateway.metadata;

/**
 * The standard content headers S3 stores with an object and returns on GET/HEAD. Every field is
 * nullable (absent); values are kept verbatim, {@code expires} included (it is an HTTP date the
 * client chose, echoed back as sent).
 */
public record ContentHeaders(
    String contentType,
    String contentEncoding,
    String contentDisposition,
    String contentLanguage,
    String cacheControl,
    String expires) {
  /** No content headers. */
  public static final ContentHeaders NONE = new ContentHeaders(null, null, null, null, null, null);

  public static ContentHeaders ofType(String contentType) {
    return new ContentHeaders(contentType, null, null, null, null, null);
  }
}
