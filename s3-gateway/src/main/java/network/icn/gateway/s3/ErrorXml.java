package network.icn.gateway.s3;

/**
 * The S3 error document.
 *
 * <pre>{@code
 * <Error><Code>NoSuchKey</Code><Message>…</Message><Resource>/b/k</Resource>
 * <RequestId>…</RequestId></Error>
 * }</pre>
 */
final class ErrorXml {
  private ErrorXml() {}

  static byte[] render(S3Error error, String message, String resource, String requestId) {
    return XmlWriter.plainRoot("Error")
        .element("Code", error.code())
        .element("Message", message == null ? error.defaultMessage() : message)
        .element("Resource", resource)
        .element("RequestId", requestId)
        .toBytes();
  }
}
