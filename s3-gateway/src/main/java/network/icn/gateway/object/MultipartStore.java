package network.icn.gateway.object;

import java.io.InputStream;
import network.icn.gateway.metadata.ListUploadsQuery;
import network.icn.gateway.metadata.MultipartUploadRecord;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartListing;
import network.icn.gateway.metadata.PartRecord;
import network.icn.gateway.metadata.UploadListing;

/**
 * Multipart uploads at the object layer. A part is its own run of segments; completion is one
 * atomic metadata commit that concatenates the parts' segment lists (no data is copied). All
 * methods throw {@link ObjectException}; blocking, so callers run them on virtual threads.
 */
public interface MultipartStore {
  /**
   * @throws ObjectException NO_SUCH_BUCKET, INVALID_REQUEST (checksum type vs algorithm)
   */
  MultipartUploadRecord createMultipartUpload(CreateMultipartUploadRequest request);

  /** Starts a part whose body the caller pushes. @throws ObjectException NO_SUCH_UPLOAD */
  PartUpload beginUploadPart(UploadPartRequest request);

  /** Uploads a part from a stream read to its end. */
  PartRecord uploadPart(UploadPartRequest request, InputStream body);

  /**
   * Writes (a range of) an existing object as a part: the bytes are read and re-encoded. {@code
   * target.contentLength()} is ignored.
   */
  PartRecord uploadPartCopy(UploadPartRequest target, CopySource source);

  /**
   * Composes the listed parts into the object, atomically.
   *
   * @throws ObjectException NO_SUCH_UPLOAD, INVALID_PART (unknown part, ETag or checksum mismatch,
   *     part replaced meanwhile), INVALID_PART_ORDER, ENTITY_TOO_SMALL, BAD_DIGEST (whole-object
   *     checksum), PRECONDITION_FAILED, INVALID_REQUEST (no parts)
   */
  ObjectRecord completeMultipartUpload(CompleteMultipartUploadRequest request);

  /** Removes the upload and queues its parts' shards for deletion. @throws NO_SUCH_UPLOAD */
  void abortMultipartUpload(String bucket, String key, String uploadId);

  /**
   * @throws ObjectException NO_SUCH_UPLOAD
   */
  PartListing listParts(String bucket, String key, String uploadId, int partNumberMarker, int max);

  /**
   * @throws ObjectException NO_SUCH_BUCKET
   */
  UploadListing listMultipartUploads(String bucket, ListUploadsQuery query);
}
