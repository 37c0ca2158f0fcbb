package network.icn.gateway.metadata;

import java.util.List;

/**
 * Everything one PutObject, CopyObject or CompleteMultipartUpload commits in a single atomic batch:
 * the new record; the replaced record's shards go to the deletion queue; the completed upload and
 * its parts are removed (shards of parts the object does not use are queued for deletion); repair
 * tasks for shards missing at write time are queued.
 *
 * @param object the new object record
 * @param precondition checked against the current record under the key lock
 * @param completedUploadId the multipart upload this commit completes, or {@code null}
 * @param repairs repair tasks to queue (for this object's segments)
 */
public record ObjectCommit(
    ObjectRecord object,
    Precondition precondition,
    String completedUploadId,
    List<RepairTask> repairs) {
  public ObjectCommit {
    Check.present(object, "object");
    Check.present(precondition, "precondition");
    if (completedUploadId != null) {
      Check.keyPart(completedUploadId, "completed upload id");
    }
    repairs = List.copyOf(Check.present(repairs, "repairs"));
    for (RepairTask repair : repairs) {
      if (!repair.bucket().equals(object.bucket()) || !repair.key().equals(object.key())) {
        throw Check.invalid("a repair task in a commit must be for the committed object");
      }
    }
  }

  /** A plain, unconditional put. */
  public static ObjectCommit put(ObjectRecord object) {
    return new ObjectCommit(object, Precondition.none(), null, List.of());
  }

  public ObjectCommit withPrecondition(Precondition newPrecondition) {
    return new ObjectCommit(object, newPrecondition, completedUploadId, repairs);
  }
}
