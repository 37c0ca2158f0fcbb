/**
 * The gateway's HTTP/1.1 server: Netty lives here and nowhere else. Each connection is served by
 * one virtual thread that reads body slices on demand (back-pressure to the socket) and streams
 * responses with a bounded number of buffers in flight; {@link HttpExchange} is the Netty-free view
 * the S3 layer works with.
 */
package network.icn.gateway.http;
