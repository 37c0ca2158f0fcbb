package network.icn.gateway.object;

/** Every failure of the object layer. The S3 front end maps each to an S3 error code. */
public enum ObjectError {
  /** The bucket does not exist. */
  NO_SUCH_BUCKET,
  /** The key does not exist in the bucket. */
  NO_SUCH_KEY,
  /** Fewer than the write quorum of shards were stored; nothing was committed. */
  WRITE_QUORUM_NOT_MET,
  /** Fewer than k good chunks of a stripe could be read; no wrong bytes were returned. */
  READ_QUORUM_NOT_MET,
  /** The requested byte range does not overlap the object. */
  INVALID_RANGE,
  /** An If-Match / If-None-Match condition did not hold. */
  PRECONDITION_FAILED,
  /** The body does not match the Content-MD5 or the declared checksum. */
  BAD_DIGEST,
  /** The body is shorter or longer than the declared Content-Length. */
  INCOMPLETE_BODY,
  /** The object is larger than the configured maximum. */
  ENTITY_TOO_LARGE,
  /** Placement could not choose nodes (not enough nodes, no booking, booking exceeded). */
  PLACEMENT_FAILED,
  /** The request is malformed (bad checksum algorithm, bad digest encoding). */
  INVALID_REQUEST,
  /** The upload was aborted by its caller or the body stream failed. */
  ABORTED,
  /** Metadata could not be read or written. */
  METADATA_FAILURE,
  /** The caller's sink failed while receiving the body. */
  SINK_FAILED,
  /** The multipart upload does not exist (never created, completed or aborted). */
  NO_SUCH_UPLOAD,
  /** CompleteMultipartUpload names a part that was not uploaded or whose ETag/checksum differs. */
  INVALID_PART,
  /** CompleteMultipartUpload lists part numbers that are not strictly ascending. */
  INVALID_PART_ORDER,
  /** A part other than the last is smaller than the minimum part size. */
  ENTITY_TOO_SMALL,
  /** GET with a {@code partNumber} the object does not have. */
  INVALID_PART_NUMBER
}
