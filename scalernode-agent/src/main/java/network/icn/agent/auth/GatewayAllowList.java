package network.icn.agent.auth;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import network.icn.agent.client.Signatures;

/**
 * The gateway addresses this node serves: the configured ones, replaceable at run time (for example
 * when placement tells the node which gateways to serve).
 */
public final class GatewayAllowList {
  private final AtomicReference<Set<String>> allowed;

  public GatewayAllowList(Set<String> addresses) {
    this.allowed = new AtomicReference<>(normalize(addresses));
  }

  public boolean allows(String address) {
    return allowed.get().contains(address);
  }

  public void replace(Set<String> addresses) {
    allowed.set(normalize(addresses));
  }

  public Set<String> addresses() {
    return allowed.get();
  }

  private static Set<String> normalize(Set<String> addresses) {
    return addresses.stream()
        .map(Signatures::normalizeAddress)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
