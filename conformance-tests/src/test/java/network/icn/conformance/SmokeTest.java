package network.icn.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The target answers at all: bucket create, put, get, delete in both addressing styles. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SmokeTest {
  @TempDir static Path dir;
  private S3Target target;
  private Clients clients;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.open(dir);
    clients = new Clients(target);
  }

  @AfterAll
  void stop() {
    clients.close();
    target.close();
  }

  @Test
  void putGetDeleteInBothStyles() {
    for (boolean pathStyle : new boolean[] {true, false}) {
      S3Client s3 = clients.sync(pathStyle, Clients.Checksums.WHEN_SUPPORTED);
      String bucket = S3Target.bucketName("smoke");
      s3.createBucket(b -> b.bucket(bucket));
      byte[] body = ("hello " + pathStyle).getBytes(StandardCharsets.UTF_8);
      s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(body));
      assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
      s3.deleteObject(b -> b.bucket(bucket).key("k"));
      s3.deleteBucket(b -> b.bucket(bucket));
      assertEquals(
          0, s3.listBuckets().buckets().stream().filter(b -> b.name().equals(bucket)).count());
    }
  }
}
