package network.icn.gateway.s3;

import network.icn.erasure.ErasureException;
import network.icn.gateway.auth.AuthException;
import network.icn.gateway.metadata.MetadataException;
import network.icn.gateway.object.ObjectException;
import network.icn.placement.api.PlacementException;

/**
 * The one place where failures of every layer become S3 errors. Internal messages of storage
 * failures are not sent to clients (they name nodes and files); the client sees S3's message and
 * the request id, the operator finds the cause in the log under that id.
 */
public final class ErrorMapper {
  private ErrorMapper() {}

  /** An S3 error and the message to send. */
  public record Mapped(S3Error error, String message, boolean serverFault) {
    Mapped(S3Error error, String message) {
      this(error, message, error.status() >= 500);
    }
  }

  /** Maps any failure; unknown ones are {@code InternalError}. */
  public static Mapped map(Throwable failure) {
    return switch (failure) {
      case S3Exception e -> new Mapped(e.error(), e.getMessage());
      case AuthException e -> new Mapped(auth(e), e.getMessage());
      case ObjectException e -> object(e);
      case MetadataException e -> metadata(e);
      case PlacementException e -> placement(e);
      case ErasureException e ->
          switch (e.error()) {
            case NOT_ENOUGH_SHARDS ->
                new Mapped(
                    S3Error.SERVICE_UNAVAILABLE, S3Error.SERVICE_UNAVAILABLE.defaultMessage());
            case INVALID_SCHEME, INVALID_ARGUMENT, CHECKSUM_MISMATCH, PROOF_INVALID -> internal();
          };
      default -> internal();
    };
  }

  private static Mapped internal() {
    return new Mapped(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.defaultMessage());
  }

  private static Mapped of(S3Error error) {
    return new Mapped(error, error.defaultMessage());
  }

  static S3Error auth(AuthException e) {
    return switch (e.error()) {
      case ACCESS_DENIED -> S3Error.ACCESS_DENIED;
      case SIGNATURE_DOES_NOT_MATCH -> S3Error.SIGNATURE_DOES_NOT_MATCH;
      case INVALID_ACCESS_KEY_ID -> S3Error.INVALID_ACCESS_KEY_ID;
      case REQUEST_TIME_TOO_SKEWED -> S3Error.REQUEST_TIME_TOO_SKEWED;
      case AUTHORIZATION_HEADER_MALFORMED -> S3Error.AUTHORIZATION_HEADER_MALFORMED;
      case AUTHORIZATION_QUERY_PARAMETERS_ERROR -> S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
      case MISSING_SECURITY_HEADER -> S3Error.MISSING_SECURITY_HEADER;
      case INVALID_REQUEST -> S3Error.INVALID_REQUEST;
      case X_AMZ_CONTENT_SHA256_MISMATCH -> S3Error.X_AMZ_CONTENT_SHA256_MISMATCH;
      case INVALID_DIGEST -> S3Error.INVALID_DIGEST;
      case BAD_DIGEST -> S3Error.BAD_DIGEST;
      case INCOMPLETE_BODY -> S3Error.INCOMPLETE_BODY;
      case INVALID_ARGUMENT -> S3Error.INVALID_ARGUMENT;
      case INVALID_URI -> S3Error.INVALID_URI;
      case MISSING_CONTENT_LENGTH -> S3Error.MISSING_CONTENT_LENGTH;
      case NOT_IMPLEMENTED -> S3Error.NOT_IMPLEMENTED;
    };
  }

  private static Mapped object(ObjectException e) {
    return switch (e.error()) {
      case NO_SUCH_BUCKET -> of(S3Error.NO_SUCH_BUCKET);
      case NO_SUCH_KEY -> of(S3Error.NO_SUCH_KEY);
      // Nodes are down or too slow: a retryable 503, not "reduce your request rate".
      case WRITE_QUORUM_NOT_MET, READ_QUORUM_NOT_MET -> of(S3Error.SERVICE_UNAVAILABLE);
      case INVALID_RANGE -> of(S3Error.INVALID_RANGE);
      case PRECONDITION_FAILED -> of(S3Error.PRECONDITION_FAILED);
      case BAD_DIGEST -> new Mapped(S3Error.BAD_DIGEST, e.getMessage());
      case INCOMPLETE_BODY -> of(S3Error.INCOMPLETE_BODY);
      case ENTITY_TOO_LARGE -> of(S3Error.ENTITY_TOO_LARGE);
      case PLACEMENT_FAILED ->
          e.getCause() instanceof PlacementException p ? placement(p) : of(S3Error.SLOW_DOWN);
      case INVALID_REQUEST -> new Mapped(S3Error.INVALID_REQUEST, e.getMessage());
      case ABORTED -> of(S3Error.INCOMPLETE_BODY);
      case METADATA_FAILURE ->
          e.getCause() instanceof MetadataException m ? metadata(m) : internal();
      case SINK_FAILED -> internal();
      case NO_SUCH_UPLOAD -> of(S3Error.NO_SUCH_UPLOAD);
      case INVALID_PART -> new Mapped(S3Error.INVALID_PART, e.getMessage());
      case INVALID_PART_ORDER -> of(S3Error.INVALID_PART_ORDER);
      case ENTITY_TOO_SMALL -> new Mapped(S3Error.ENTITY_TOO_SMALL, e.getMessage());
      case INVALID_PART_NUMBER -> of(S3Error.INVALID_PART_NUMBER);
    };
  }

  private static Mapped metadata(MetadataException e) {
    return switch (e.error()) {
      case BUCKET_ALREADY_EXISTS -> of(S3Error.BUCKET_ALREADY_EXISTS);
      case BUCKET_ALREADY_OWNED_BY_YOU -> of(S3Error.BUCKET_ALREADY_OWNED_BY_YOU);
      case NO_SUCH_BUCKET -> of(S3Error.NO_SUCH_BUCKET);
      case BUCKET_NOT_EMPTY -> of(S3Error.BUCKET_NOT_EMPTY);
      case NO_SUCH_KEY -> of(S3Error.NO_SUCH_KEY);
      case NO_SUCH_UPLOAD -> of(S3Error.NO_SUCH_UPLOAD);
      case INVALID_PART -> new Mapped(S3Error.INVALID_PART, e.getMessage());
      case PRECONDITION_FAILED -> of(S3Error.PRECONDITION_FAILED);
      case INVALID_RECORD -> new Mapped(S3Error.INVALID_ARGUMENT, e.getMessage());
      case NO_SUCH_TENANT, NO_SUCH_ACCESS_KEY -> of(S3Error.INVALID_ACCESS_KEY_ID);
      case TENANT_ALREADY_EXISTS,
          ACCESS_KEY_ALREADY_EXISTS,
          SECRET_UNSEALING_FAILED,
          CORRUPT_RECORD,
          UNSUPPORTED_VERSION ->
          internal();
      case STORAGE_FAILURE -> of(S3Error.SERVICE_UNAVAILABLE);
    };
  }

  private static Mapped placement(PlacementException e) {
    return switch (e.error()) {
      // Not enough healthy nodes with room: transient from the client's point of view.
      case NOT_ENOUGH_NODES, UNAVAILABLE -> of(S3Error.SLOW_DOWN);
      case NO_BOOKING ->
          new Mapped(
              S3Error.ACCESS_DENIED, "The bucket owner has no storage booked in this region.");
      case BOOKING_EXCEEDED ->
          new Mapped(
              S3Error.ACCESS_DENIED,
              "The bucket owner's booked storage capacity in this region is used up.");
      case INVALID_SIGNATURE,
          INVALID_REQUEST,
          UNAUTHORIZED,
          UNKNOWN_NODE,
          STALE_REQUEST,
          INVALID_STATE_TRANSITION,
          STORAGE_FAILURE,
          INTERNAL ->
          internal();
    };
  }
}
