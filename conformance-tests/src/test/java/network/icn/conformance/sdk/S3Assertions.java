package network.icn.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Assertions on the errors S3 answers. */
final class S3Assertions {
  private S3Assertions() {}

  /**
   * Asserts that {@code call} fails with an S3 error of this HTTP status and S3 error code ({@code
   * null}: a response without a body, as to HEAD, where only the status is defined).
   */
  static S3Exception assertS3Error(int status, String code, Executable call) {
    S3Exception e = assertThrows(S3Exception.class, call);
    assertEquals(status, e.statusCode(), () -> "status of " + e);
    if (code != null) {
      assertNotNull(e.awsErrorDetails(), () -> "no error details in " + e);
      assertEquals(code, e.awsErrorDetails().errorCode(), () -> "error code of " + e);
    }
    return e;
  }
}
