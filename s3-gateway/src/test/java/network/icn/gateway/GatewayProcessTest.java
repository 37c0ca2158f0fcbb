package network.icn.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.icn.gateway.testing.DevGatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code GatewayMain dev} as a separate JVM, as the README runs it: it prints the endpoint and a
 * generated key pair, SIGTERM ({@link ProcessHandle#destroy()}) shuts it down cleanly with exit
 * status 0, and a restart on the same data dir serves the same keys, buckets and objects.
 */
@Timeout(240)
final class GatewayProcessTest {
  @TempDir Path dir;
  private final List<DevGatewayProcess> started = new ArrayList<>();

  @AfterEach
  void killEverything() throws Exception {
    for (DevGatewayProcess p : started) {
      p.close();
    }
  }

  private DevGatewayProcess startDev(Path data) throws Exception {
    DevGatewayProcess child =
        DevGatewayProcess.start(
            data,
            dir.resolve("stderr-" + started.size() + ".log"),
            List.of("-Xmx512m"),
            List.of("--shutdown-grace-seconds", "10"));
    started.add(child);
    return child;
  }

  private static S3Client s3(DevGatewayProcess child) {
    return S3Client.builder()
        .endpointOverride(URI.create(child.endpoint()))
        .region(Region.of(child.line("region:")))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(child.line("access key:"), child.line("secret key:"))))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  private static void stopWithSigterm(DevGatewayProcess child) throws Exception {
    // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
    assertTrue(child.process().toHandle().destroy());
    assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "no exit within 60 s of SIGTERM");
    assertEquals(0, child.process().exitValue(), "exit status after SIGTERM: " + child.stdout());
    child.reader().join(10_000); // the rest of stdout
    assertTrue(child.stdout().contains("stopped"), child.stdout().toString());
  }

  @Test
  void sigtermExitsZeroAndARestartServesTheSameKeysAndData() throws Exception {
    Path data = dir.resolve("data");
    byte[] body = new byte[700_000];
    new SplittableRandom(42).nextBytes(body);

    DevGatewayProcess first = startDev(data);
    assertTrue(first.endpoint().startsWith("http://127.0.0.1:"), first.endpoint());
    String key = first.line("access key:");
    String secret = first.line("secret key:");
    assertEquals(20, key.length());
    assertEquals(40, secret.length());
    try (S3Client s3 = s3(first)) {
      s3.createBucket(b -> b.bucket("keep"));
      s3.putObject(b -> b.bucket("keep").key("blob"), RequestBody.fromBytes(body));
    }
    stopWithSigterm(first);

    DevGatewayProcess second = startDev(data);
    assertEquals(key, second.line("access key:"));
    assertEquals(secret, second.line("secret key:"));
    assertEquals(first.line("admin token:"), second.line("admin token:"));
    try (S3Client s3 = s3(second)) {
      assertEquals("keep", s3.listBuckets().buckets().getFirst().name());
      assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket("keep").key("blob")).asByteArray());
    }
    stopWithSigterm(second);
  }
}
