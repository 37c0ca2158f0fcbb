package network.icn.placement.api;

/**
 * What a node declares about itself when it registers. Signed by the node key, so {@code nodeId} is
 * proven; {@code hpId} is the operator's address as the node declares it.
 *
 * @param nodeId the node's address (lowercase 0x, 40 hex digits)
 * @param hpId the hardware provider's (operator's) address
 * @param region region name, e.g. {@code eu-central-1}
 * @param site site (data centre) name inside the region
 * @param hardwareClass hardware class, e.g. {@code hdd-16t}
 * @param endpoint the agent's shard API base URL
 * @param capacityBytes total capacity offered
 * @param softwareVersion the agent's version
 * @param timestampMillis when the node signed this (epoch millis, node clock)
 */
public record NodeRegistration(
    String nodeId,
    String hpId,
    String region,
    String site,
    String hardwareClass,
    String endpoint,
    long capacityBytes,
    String softwareVersion,
    long timestampMillis) {

  /** The header line of the signed encoding; bump the version when fields change. */
  public static final String SIGNING_HEADER = "icn-placement/register/v1";

  public NodeRegistration {
    Validation.address("nodeId", nodeId);
    Validation.address("hpId", hpId);
    Validation.name("region", region);
    Validation.name("site", site);
    Validation.name("hardwareClass", hardwareClass);
    Validation.endpoint(endpoint);
    Validation.positive("capacityBytes", capacityBytes);
    Validation.version("softwareVersion", softwareVersion);
    Validation.positive("timestampMillis", timestampMillis);
  }

  /** The canonical bytes the node key signs (see {@link NodeSignatures}). */
  public byte[] signingBytes() {
    return new SigningBytes(SIGNING_HEADER)
        .field(nodeId)
        .field(hpId)
        .field(region)
        .field(site)
        .field(hardwareClass)
        .field(endpoint)
        .field(capacityBytes)
        .field(softwareVersion)
        .field(timestampMillis)
        .toByteArray();
  }
}
