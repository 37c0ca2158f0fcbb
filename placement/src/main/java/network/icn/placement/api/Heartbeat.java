package network.icn.placement.api;

/**
 * A node's periodic telemetry. Signed by the node key, so nobody else can report for it.
 *
 * @param timestampMillis when the node signed this (epoch millis, node clock); must increase
 */
public record Heartbeat(
    String nodeId,
    long capacityBytes,
    long usedBytes,
    long freeBytes,
    long shardCount,
    long diskErrors,
    long corruptShards,
    String softwareVersion,
    long uptimeSeconds,
    long timestampMillis) {

  /** The header line of the signed encoding; bump the version when fields change. */
  public static final String SIGNING_HEADER = "icn-placement/heartbeat/v1";

  public Heartbeat {
    Validation.address("nodeId", nodeId);
    Validation.nonNegative("capacityBytes", capacityBytes);
    Validation.nonNegative("usedBytes", usedBytes);
    Validation.nonNegative("freeBytes", freeBytes);
    Validation.nonNegative("shardCount", shardCount);
    Validation.nonNegative("diskErrors", diskErrors);
    Validation.nonNegative("corruptShards", corruptShards);
    Validation.version("softwareVersion", softwareVersion);
    Validation.nonNegative("uptimeSeconds", uptimeSeconds);
    Validation.positive("timestampMillis", timestampMillis);
  }

  /** The canonical bytes the node key signs (see {@link NodeSignatures}). */
  public byte[] signingBytes() {
    return new SigningBytes(SIGNING_HEADER)
        .field(nodeId)
        .field(capacityBytes)
        .field(usedBytes)
        .field(freeBytes)
        .field(shardCount)
        .field(diskErrors)
        .field(corruptShards)
        .field(softwareVersion)
        .field(uptimeSeconds)
        .field(timestampMillis)
        .toByteArray();
  }
}
