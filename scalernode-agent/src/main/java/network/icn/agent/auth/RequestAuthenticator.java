package network.icn.agent.auth;

import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.agent.client.RequestSigning;
import network.icn.agent.client.Signatures;

/**
 * Decides whether a shard API request may proceed. In order: all three headers present and
 * well-formed (else 401), timestamp within the skew window (else 401), signature over the request
 * as addressed to this node recovers the claimed caller (else 401: a request signed for another
 * node fails here), caller is an allowed gateway (else 403), signature not seen before (else 401).
 * The replay check comes last so that rejected requests do not fill the cache.
 */
public final class RequestAuthenticator {
  private final String nodeId;
  private final GatewayAllowList allowList;
  private final ReplayCache replays;
  private final Clock clock;
  private final long skewMillis;

  /**
   * @param nodeId this node's address; requests must be signed for it
   */
  public RequestAuthenticator(
      String nodeId,
      GatewayAllowList allowList,
      ReplayCache replays,
      Clock clock,
      Duration maxSkew) {
    this.nodeId = Signatures.normalizeAddress(nodeId);
    this.allowList = Objects.requireNonNull(allowList, "allowList");
    this.replays = Objects.requireNonNull(replays, "replays");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skewMillis = maxSkew.toMillis();
  }

  /** What a request claims about itself; header values may be null when absent. */
  public record Claim(
      String method,
      String target,
      String shardId,
      long contentLength,
      String caller,
      String timestamp,
      String signature) {}

  /** Returns the caller's normalized address, or throws {@link AgentException}. */
  public String authenticate(Claim claim) {
    if (claim.caller() == null || claim.timestamp() == null || claim.signature() == null) {
      throw unauthenticated(
          "missing "
              + RequestSigning.CALLER
              + ", "
              + RequestSigning.TIMESTAMP
              + " or "
              + RequestSigning.SIGNATURE
              + " header");
    }
    String caller;
    long timestamp;
    try {
      caller = Signatures.normalizeAddress(claim.caller());
      timestamp = Long.parseLong(claim.timestamp());
    } catch (IllegalArgumentException e) {
      throw unauthenticated("malformed caller or timestamp header");
    }
    long now = clock.millis();
    if (Math.abs(now - timestamp) > skewMillis) {
      throw unauthenticated(
          "timestamp is "
              + (now - timestamp)
              + " ms off this node's clock (limit "
              + skewMillis
              + " ms)");
    }
    byte[] message =
        RequestSigning.canonical(
            nodeId,
            claim.method(),
            claim.target(),
            claim.shardId(),
            claim.contentLength(),
            timestamp);
    String recovered;
    try {
      recovered = Signatures.recoverAddress(message, claim.signature());
    } catch (SignatureException e) {
      throw unauthenticated("bad signature: " + e.getMessage());
    }
    if (!recovered.equals(caller)) {
      throw unauthenticated("signature does not match the caller");
    }
    if (!allowList.allows(caller)) {
      throw new AgentException(
          AgentError.FORBIDDEN, "caller " + caller + " is not a gateway this node serves");
    }
    if (!replays.firstSeen(claim.signature(), timestamp + skewMillis, now)) {
      throw unauthenticated("replayed request");
    }
    return caller;
  }

  private static AgentException unauthenticated(String why) {
    return new AgentException(AgentError.UNAUTHENTICATED, why);
  }
}
