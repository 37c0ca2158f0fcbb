package network.icn.placement.api;

/**
 * How well a placement is spread over failure domains.
 *
 * @param maxShardsPerHp the most shards of the segment on one hardware provider
 * @param maxShardsPerSite the most shards of the segment on one site
 * @param tolerance m: how many shards the segment can lose
 * @param hpConstraintMet {@code maxShardsPerHp <= tolerance}
 * @param siteConstraintMet {@code maxShardsPerSite <= tolerance}
 */
public record Spread(
    int maxShardsPerHp,
    int maxShardsPerSite,
    int tolerance,
    boolean hpConstraintMet,
    boolean siteConstraintMet) {

  public Spread {
    if (maxShardsPerHp < 0 || maxShardsPerSite < 0 || tolerance < 0) {
      throw PlacementException.invalid("spread counts must be >= 0");
    }
    if (hpConstraintMet != (maxShardsPerHp <= tolerance)
        || siteConstraintMet != (maxShardsPerSite <= tolerance)) {
      throw PlacementException.invalid("spread flags disagree with the counts");
    }
  }

  /** Computes the flags from the counts. */
  public static Spread of(int maxShardsPerHp, int maxShardsPerSite, int tolerance) {
    return new Spread(
        maxShardsPerHp,
        maxShardsPerSite,
        tolerance,
        maxShardsPerHp <= tolerance,
        maxShardsPerSite <= tolerance);
  }

  /** Losing any one HP or any one site costs at most {@code tolerance} shards. */
  public boolean constraintMet() {
    return hpConstraintMet && siteConstraintMet;
  }
}
