package network.icn.agent.registration;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import network.icn.agent.metrics.AgentMetrics;
import network.icn.agent.store.StoreUsage;
import network.icn.placement.api.Heartbeat;
import network.icn.placement.api.NodeRegistration;
import network.icn.placement.api.NodeSignatures;
import network.icn.placement.api.PlacementService;
import network.icn.placement.api.SignedHeartbeat;
import network.icn.placement.api.SignedRegistration;
import org.web3j.crypto.ECKeyPair;

/** A {@link Registrar} that signs registrations and heartbeats and sends them to placement. */
public final class PlacementRegistrar implements Registrar {
  /** What the node tells placement about itself; fixed for the process's life. */
  public record Identity(
      String nodeId,
      String hpId,
      String region,
      String site,
      String hardwareClass,
      String endpoint,
      String softwareVersion) {}

  /** Telemetry counters the heartbeat reports. */
  public record Telemetry(long diskErrors, long corruptShards) {
    public Telemetry {
      if (diskErrors < 0 || corruptShards < 0) {
        throw new IllegalArgumentException("telemetry counters must not be negative");
      }
    }

    /** The counters as the agent's metrics have them now. */
    public static Telemetry of(AgentMetrics metrics) {
      return new Telemetry(metrics.diskErrorCount(), metrics.corruptShardCount());
    }
  }

  private final PlacementService placement;
  private final ECKeyPair nodeKey;
  private final Identity identity;
  private final Supplier<StoreUsage> usage;
  private final Supplier<Telemetry> telemetry;
  private final Clock clock;
  private final long startedMillis;

  public PlacementRegistrar(
      PlacementService placement,
      ECKeyPair nodeKey,
      Identity identity,
      Supplier<StoreUsage> usage,
      Supplier<Telemetry> telemetry,
      Clock clock) {
    this.placement = Objects.requireNonNull(placement, "placement");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedMillis = clock.millis();
  }

  @Override
  public void register() {
    NodeRegistration r =
        new NodeRegistration(
            identity.nodeId(),
            identity.hpId(),
            identity.region(),
            identity.site(),
            identity.hardwareClass(),
            identity.endpoint(),
            usage.get().capacityBytes(),
            identity.softwareVersion(),
            clock.millis());
    placement.register(new SignedRegistration(r, NodeSignatures.sign(r.signingBytes(), nodeKey)));
  }

  @Override
  public void heartbeat() {
    StoreUsage u = usage.get();
    Telemetry t = telemetry.get();
    long now = clock.millis();
    Heartbeat h =
        new Heartbeat(
            identity.nodeId(),
            u.capacityBytes(),
            u.usedBytes(),
            u.freeBytes(),
            u.shardCount(),
            t.diskErrors(),
            t.corruptShards(),
            identity.softwareVersion(),
            Math.max(0, (now - startedMillis) / 1000),
            now);
    placement.heartbeat(new SignedHeartbeat(h, NodeSignatures.sign(h.signingBytes(), nodeKey)));
  }
}
