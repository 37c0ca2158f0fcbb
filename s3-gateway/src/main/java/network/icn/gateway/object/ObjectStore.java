package network.icn.gateway.object;

import java.io.InputStream;
import java.util.Optional;
import network.icn.gateway.metadata.ObjectRecord;

/**
 * The object layer as the S3 operation handlers see it. All methods throw {@link ObjectException};
 * blocking, so callers run them on virtual threads.
 */
public interface ObjectStore {
  /** Starts a put whose body the caller pushes ({@link ObjectUpload#write}). */
  ObjectUpload beginPut(PutObjectRequest request);

  /** Puts an object from a stream (read to its end) and commits it. */
  ObjectRecord put(PutObjectRequest request, InputStream body);

  /** The object's record. @throws ObjectException NO_SUCH_BUCKET, NO_SUCH_KEY */
  ObjectRecord head(String bucket, String key);

  /**
   * Streams {@code range} (or all) of the object {@code record} describes into {@code sink}; reads
   * only the stripes the range touches.
   *
   * @throws ObjectException INVALID_RANGE, READ_QUORUM_NOT_MET (before any byte of the failing
   *     stripe reached the sink), SINK_FAILED
   */
  ReadSummary read(ObjectRecord record, Optional<ByteRange> range, ObjectSink sink);

  /** {@link #head} then {@link #read}. */
  default ReadSummary get(String bucket, String key, Optional<ByteRange> range, ObjectSink sink) {
    return read(head(bucket, key), range, sink);
  }

  /**
   * Streams one part of the object (GET with {@code partNumber}; see {@link PartRanges}).
   *
   * @throws ObjectException INVALID_PART_NUMBER, READ_QUORUM_NOT_MET, SINK_FAILED
   */
  default ReadSummary readPart(ObjectRecord record, int partNumber, ObjectSink sink) {
    ByteRange.Resolved part = PartRanges.resolve(record, partNumber);
    if (part.length() == 0) {
      return new ReadSummary(0, java.util.List.of(), java.util.List.of(), 0, false);
    }
    return read(
        record,
        Optional.of(new ByteRange.FromTo(part.offset(), part.offset() + part.length() - 1)),
        sink);
  }

  /**
   * CopyObject: copies the whole source object to the destination key.
   *
   * @throws ObjectException NO_SUCH_BUCKET, NO_SUCH_KEY (source), PRECONDITION_FAILED (source or
   *     destination), INVALID_REQUEST (self-copy changing nothing), READ_QUORUM_NOT_MET,
   *     WRITE_QUORUM_NOT_MET, BAD_DIGEST (copied bytes differ from the source's ETag)
   */
  ObjectRecord copyObject(CopyObjectRequest request);

  /** Deletes the object's record atomically and queues its shards for deletion. */
  Optional<ObjectRecord> delete(String bucket, String key);
}
