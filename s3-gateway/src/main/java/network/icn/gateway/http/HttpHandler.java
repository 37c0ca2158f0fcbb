package network.icn.gateway.http;

/**
 * Serves one exchange on the connection's virtual thread; blocking is fine. It must answer (or
 * throw {@link PeerGoneException}); an exchange left unanswered gets a bare 500 and a closed
 * connection.
 */
@FunctionalInterface
public interface HttpHandler {
  void handle(HttpExchange exchange);
}
