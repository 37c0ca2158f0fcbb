/**
 * The shard API over HTTP/1.1 (Netty). The event loop only moves bytes; every request runs on a
 * virtual thread per connection, pulling body buffers with back-pressure ({@code autoRead} off).
 */
package network.icn.agent.http;
