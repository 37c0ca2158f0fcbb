package network.icn.placement.api;

/**
 * Every failure placement reports, with the HTTP status the API answers it with. The gateway maps
 * these to S3 errors; the HTTP client turns the status body back into the same constant.
 */
public enum PlacementError {
  /** A signature is malformed or does not recover to the claimed node id. */
  INVALID_SIGNATURE(401),
  /** A request field is missing, malformed or out of range. */
  INVALID_REQUEST(400),
  /** The API token is missing or wrong. */
  UNAUTHORIZED(401),
  /** No node with that id is registered. */
  UNKNOWN_NODE(404),
  /**
   * Fewer eligible nodes than shards requested (after filtering state, region, room, exclusions).
   */
  NOT_ENOUGH_NODES(503),
  /** The tenant has no booking in force for the region. */
  NO_BOOKING(402),
  /** The placement would take the tenant past its booked capacity in the region. */
  BOOKING_EXCEEDED(402),
  /** A signed message is outside the allowed clock skew, or not newer than the last one seen. */
  STALE_REQUEST(409),
  /** An admin state change that the node's current state does not allow. */
  INVALID_STATE_TRANSITION(409),
  /** The registry's storage failed. */
  STORAGE_FAILURE(500),
  /** The placement service could not be reached (client side only). */
  UNAVAILABLE(503),
  /** Anything else: a bug. */
  INTERNAL(500);

  private final int httpStatus;

  PlacementError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the API answers this error with. */
  public int httpStatus() {
    return httpStatus;
  }
}
