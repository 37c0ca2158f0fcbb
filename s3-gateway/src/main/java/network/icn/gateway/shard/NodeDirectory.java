package network.icn.gateway.shard;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import network.icn.placement.api.NodeView;
import network.icn.placement.api.PlacementService;

/**
 * Where a node listens, by node id: asked of placement once and cached. Metadata records only node
 * ids (endpoints change); {@link #forget} drops a cached address after a connection failure.
 */
public final class NodeDirectory {
  private final PlacementService placement;
  private final Map<String, InetSocketAddress> cache = new ConcurrentHashMap<>();

  public NodeDirectory(PlacementService placement) {
    this.placement = Objects.requireNonNull(placement, "placement");
  }

  /** The node's address, or {@code null} if placement does not know it. */
  public InetSocketAddress address(String nodeId) {
    InetSocketAddress known = cache.get(nodeId);
    if (known != null) {
      return known;
    }
    InetSocketAddress found =
        placement.node(nodeId).map(NodeView::endpoint).map(NodeDirectory::parse).orElse(null);
    if (found != null) {
      cache.put(nodeId, found);
    }
    return found;
  }

  /** Records an address learnt from a placement answer. */
  public InetSocketAddress learn(String nodeId, String endpoint) {
    InetSocketAddress address = parse(endpoint);
    cache.put(nodeId, address);
    return address;
  }

  public void forget(String nodeId) {
    cache.remove(nodeId);
  }

  /** {@code http://host:port} (or {@code host:port}) as a socket address. */
  public static InetSocketAddress parse(String endpoint) {
    URI uri = URI.create(endpoint.contains("://") ? endpoint : "http://" + endpoint);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    return new InetSocketAddress(uri.getHost(), port);
  }
}
