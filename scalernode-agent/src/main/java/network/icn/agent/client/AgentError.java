package network.icn.agent.client;

/**
 * Every failure the agent module reports, on the node and in its client, each with the HTTP status
 * the shard API answers. It lives in the client package because the gateway maps it to S3 errors.
 *
 * <p>Every failure the agent reports, each with the HTTP status the shard API answers. Only the
 * shard API's error mapper turns these into responses; the gateway maps the client's view of them
 * to S3 errors.
 */
public enum AgentError {
  /** The request is malformed: bad id, bad headers, bad range, bad JSON. */
  BAD_REQUEST(400),
  /** The received bytes do not match the declared size, chunk CRC32Cs or Merkle root. */
  CHECKSUM_MISMATCH(400),
  /** The request carries no valid signature, or it is stale or replayed. */
  UNAUTHENTICATED(401),
  /** The signature is valid but the caller is not a gateway this node serves. */
  FORBIDDEN(403),
  /** No shard with that id (or it was quarantined). */
  NOT_FOUND(404),
  /** A different shard already exists under that id. */
  CONFLICT(409),
  /** The requested range lies outside the shard. */
  RANGE_NOT_SATISFIABLE(416),
  /** The replay cache is full of live entries; the caller should retry shortly. */
  BUSY(503),
  /**
   * The bytes on disk failed their CRC32C; the shard is quarantined and nothing wrong is served.
   */
  CORRUPT_SHARD(500),
  /** An unexpected local I/O failure. */
  IO_ERROR(500),
  /** The offered capacity is exhausted or the disk is full; nothing partial was kept. */
  INSUFFICIENT_STORAGE(507),
  /** Client side: the node could not be reached, or the connection dropped mid-exchange. */
  UNAVAILABLE(503),
  /** Client side: no progress within the configured timeout. */
  TIMEOUT(504),
  /** Client side: the node answered something that is not the shard API. */
  PROTOCOL_ERROR(502);

  private final int httpStatus;

  AgentError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the shard API answers for this error. */
  public int httpStatus() {
    return httpStatus;
  }
}
