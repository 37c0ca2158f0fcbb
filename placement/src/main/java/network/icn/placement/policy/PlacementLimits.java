package network.icn.placement.policy;

/** Fixed limits of the policy. */
final class PlacementLimits {
  /** GF(2^8) Reed-Solomon: at most 256 shards per segment. */
  static final int MAX_SHARDS = 256;

  /** Shuffled orders kept per snapshot for systematic sampling (see README, Decisions). */
  static final int ORDERS = 16;

  private PlacementLimits() {}
}
