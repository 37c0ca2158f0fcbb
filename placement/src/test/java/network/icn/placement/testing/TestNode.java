package network.icn.placement.testing;

import java.math.BigInteger;
import java.time.Clock;
import network.icn.placement.api.Heartbeat;
import network.icn.placement.api.NodeRegistration;
import network.icn.placement.api.NodeSignatures;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import org.web3j.crypto.ECKeyPair;

/** A node with a deterministic key (private key = 1000 + index), signing like an agent would. */
public final class TestNode {
  public static final long TB = 1_000_000_000_000L;

  public final ECKeyPair key;
  public final String nodeId;
  public final String hpId;
  public final String region;
  public final String site;
  private final Clock clock;
  private final int index;
  private long lastMillis;

  public TestNode(int index, int hp, String region, String site, Clock clock) {
    this.key = ECKeyPair.create(BigInteger.valueOf(1000 + index));
    this.nodeId = NodeSignatures.address(key);
    this.hpId = String.format("0x%040x", 0xa000 + hp);
    this.region = region;
    this.site = site;
    this.clock = clock;
    this.index = index;
  }

  public NodeRegistration registration(long capacityBytes) {
    return new NodeRegistration(
        nodeId,
        hpId,
        region,
        site,
        "hdd-16t",
        "http://127.0.0.1:" + (9000 + index),
        capacityBytes,
        "0.1.0",
        nextMillis());
  }

  public SignedRegistration signedRegistration(long capacityBytes) {
    return SignedRegistration.sign(registration(capacityBytes), key);
  }

  public Heartbeat heartbeat(long capacityBytes, long usedBytes) {
    return new Heartbeat(
        nodeId,
        capacityBytes,
        usedBytes,
        capacityBytes - usedBytes,
        10,
        0,
        0,
        "0.1.0",
        60,
        nextMillis());
  }

  public SignedHeartbeat signedHeartbeat(long capacityBytes, long usedBytes) {
    return SignedHeartbeat.sign(heartbeat(capacityBytes, usedBytes), key);
  }

  /** Strictly increasing node-clock millis near the shared clock. */
  private long nextMillis() {
    lastMillis = Math.max(lastMillis + 1, clock.millis());
    return lastMillis;
  }
}
