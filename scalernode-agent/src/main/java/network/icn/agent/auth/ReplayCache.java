package network.icn.agent.auth;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;

/**
 * Remembers signatures seen within the skew window so a captured request cannot be replayed.
 * Bounded: entries expire when their request would be stale anyway; if the cache is full of live
 * entries, new requests are refused with {@code BUSY} (a replay is never let through to make room).
 */
public final class ReplayCache {
  private record Entry(String signature, long expiresAtMillis) {}

  private final int capacity;
  private final ArrayDeque<Entry> byExpiry = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();

  public ReplayCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("replay cache capacity must be positive");
    }
    this.capacity = capacity;
  }

  /**
   * Records {@code signature}; returns false if it was already seen (a replay).
   *
   * @param expiresAtMillis after this instant the request is stale and the entry can go
   */
  public synchronized boolean firstSeen(String signature, long expiresAtMillis, long nowMillis) {
    while (!byExpiry.isEmpty() && byExpiry.peekFirst().expiresAtMillis() < nowMillis) {
      seen.remove(byExpiry.pollFirst().signature());
    }
    if (seen.contains(signature)) {
      return false;
    }
    if (seen.size() >= capacity) {
      throw new AgentException(
          AgentError.BUSY, "too many requests within the skew window; retry shortly");
    }
    seen.add(signature);
    // Expiry times arrive almost in order; inserting out of order only delays eviction a little.
    byExpiry.addLast(new Entry(signature, expiresAtMillis));
    return true;
  }

  public synchronized int size() {
    return seen.size();
  }
}
