package network.icn.gateway.metadata;

/** Failure codes of the metadata layer; the gateway maps them to S3 errors in one place. */
public enum MetadataError {
  /** A record field is out of range or missing (a programming or input error). */
  INVALID_RECORD,
  /** CreateBucket on a name another tenant owns. */
  BUCKET_ALREADY_EXISTS,
  /** CreateBucket on a name the same tenant already owns. */
  BUCKET_ALREADY_OWNED_BY_YOU,
  NO_SUCH_BUCKET,
  /** DeleteBucket while objects or multipart uploads remain. */
  BUCKET_NOT_EMPTY,
  NO_SUCH_KEY,
  NO_SUCH_UPLOAD,
  /**
   * CompleteMultipartUpload names a part that is no longer the upload's current part (replaced
   * concurrently).
   */
  INVALID_PART,
  /** A conditional write or delete whose precondition did not hold. */
  PRECONDITION_FAILED,
  NO_SUCH_TENANT,
  TENANT_ALREADY_EXISTS,
  NO_SUCH_ACCESS_KEY,
  ACCESS_KEY_ALREADY_EXISTS,
  /** The master key is malformed, or a sealed secret cannot be opened with it. */
  SECRET_UNSEALING_FAILED,
  /** Stored bytes do not decode (truncated, trailing bytes, bad values). */
  CORRUPT_RECORD,
  /** A stored record carries a format version this build does not know. */
  UNSUPPORTED_VERSION,
  /** The underlying database failed (I/O, RocksDB error) or the store is closed. */
  STORAGE_FAILURE
}
