/**
 * The placement HTTP API on the JDK's {@code com.sun.net.httpserver} with virtual threads: a pure
 * route parser returning a sealed {@link network.icn.placement.http.Route} and one dispatching
 * handler.
 */
package network.icn.placement.http;
