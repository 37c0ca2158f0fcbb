package network.icn.erasure;

/** Every failure the erasure module reports. The gateway maps these to S3 errors. */
public enum ErasureError {
  /** A scheme string or its parameters are out of range. */
  INVALID_SCHEME,
  /** A caller passed shards, offsets or lengths that do not fit the codec's shape. */
  INVALID_ARGUMENT,
  /** Fewer than k good shards (or chunks) remain, so the data cannot be rebuilt. */
  NOT_ENOUGH_SHARDS,
  /** A chunk's CRC32C does not match the recorded value. */
  CHECKSUM_MISMATCH,
  /** A Merkle proof does not verify against the expected root. */
  PROOF_INVALID
}
