package network.icn.gateway.http;

/** Told about every finished exchange: the access log and the request metrics hang off this. */
@FunctionalInterface
public interface ExchangeObserver {
  void completed(Summary summary);

  /**
   * One finished exchange.
   *
   * @param requestId the {@code x-amz-request-id} sent
   * @param operation the operation name the handler set ({@code "-"} if none)
   * @param method the HTTP method
   * @param path the raw path
   * @param status the status sent (0 when the connection broke before any response)
   * @param bytesIn request body bytes read off the wire
   * @param bytesOut response body bytes written
   * @param nanos duration from the request head to the end of the response
   * @param remote the client address
   */
  record Summary(
      String requestId,
      String operation,
      String method,
      String path,
      int status,
      long bytesIn,
      long bytesOut,
      long nanos,
      String remote) {}
}
