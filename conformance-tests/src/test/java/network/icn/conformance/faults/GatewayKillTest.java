package network.icn.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.icn.conformance.S3Target;
import network.icn.gateway.testing.DevGatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * kill -9 of the gateway (a child JVM in dev mode; its 8 agents run inside it and die with it)
 * while 100 uploads are in flight, then a restart on the same data dir: every acknowledged object
 * reads back byte-exact; no key is listed that was not acknowledged, except an upload whose commit
 * landed but whose 200 was lost in the kill, and such an object is exactly the body that was sent.
 */
@Timeout(240)
final class GatewayKillTest {
  private static final int UPLOADS = 100;

  /** Kill once this many uploads were acknowledged (small bodies finish first). */
  private static final int KILL_AFTER = 40;

  private static final String SCHEME = "rs-4-2-64k";

  @TempDir Path dir;
  private final List<DevGatewayProcess> started = new ArrayList<>();

  @AfterEach
  void killEverything() throws Exception {
    for (DevGatewayProcess p : started) {
      p.close();
    }
  }

  private DevGatewayProcess startGateway(Path data) throws Exception {
    DevGatewayProcess child =
        DevGatewayProcess.start(
            data,
            dir.resolve("gateway-" + started.size() + ".stderr"),
            List.of("-Xmx1g"),
            List.of("--dev-agents", "8", "--scheme", SCHEME));
    started.add(child);
    return child;
  }

  private static S3Client client(DevGatewayProcess child, boolean retries) {
    return S3Client.builder()
        .endpointOverride(URI.create(child.endpoint()))
        .region(Region.of(child.line("region:")))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(child.line("access key:"), child.line("secret key:"))))
        .httpClientBuilder(
            ApacheHttpClient.builder()
                .maxConnections(UPLOADS + 8)
                .socketTimeout(Duration.ofSeconds(60)))
        .overrideConfiguration(
            o -> {
              if (!retries) {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
              }
            })
        .build();
  }

  @Test
  void afterKillNineEveryAcknowledgedUploadIsExactAndNothingUnacknowledgedIsTorn()
      throws Exception {
    Path data = dir.resolve("data");
    String bucket = S3Target.bucketName("kill-nine");
    SplittableRandom random = new SplittableRandom(Faults.seed("kill-nine"));
    Map<String, byte[]> sent = new ConcurrentHashMap<>();
    for (int i = 0; i < UPLOADS; i++) {
      // Log-uniform from 4 KiB to 4 MiB.
      int size = (int) Math.round(4096 * Math.pow(1024, random.nextDouble()));
      sent.put(String.format("up-%03d", i), Faults.body(random, size));
    }

    DevGatewayProcess first = startGateway(data);
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Map<String, String> failures = new ConcurrentHashMap<>();
    CountDownLatch killPoint = new CountDownLatch(KILL_AFTER);
    int ackedAtKill;
    try (S3Client s3 = client(first, false)) {
      s3.createBucket(b -> b.bucket(bucket));
      List<Thread> uploads = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : sent.entrySet()) {
        uploads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        s3.putObject(
                            b -> b.bucket(bucket).key(e.getKey()),
                            RequestBody.fromBytes(e.getValue()));
                        acked.add(e.getKey());
                        killPoint.countDown();
                      } catch (RuntimeException ex) {
                        failures.put(e.getKey(), String.valueOf(ex.getMessage()));
                      }
                    }));
      }
      if (!killPoint.await(120, TimeUnit.SECONDS)) {
        fail("only " + acked.size() + " uploads acknowledged in 120 s: " + failures);
      }
      ackedAtKill = acked.size();
      first.kill(); // SIGKILL: no shutdown hook, no drain
      assertTrue(!first.process().isAlive(), "gateway still alive");
      for (Thread t : uploads) {
        t.join(Duration.ofSeconds(90));
        assertTrue(!t.isAlive(), "an upload never ended after the kill");
      }
    }
    assertEquals(UPLOADS, acked.size() + failures.size(), "every upload ended one way or another");
    assertTrue(
        acked.size() < UPLOADS,
        "the kill came after every upload was acknowledged; nothing was in flight");

    DevGatewayProcess second = startGateway(data);
    assertEquals(first.line("access key:"), second.line("access key:"));
    try (S3Client s3 = client(second, true)) {
      Set<String> listed = new HashSet<>();
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
        listed.add(o.key());
        assertTrue(sent.containsKey(o.key()), "listed a key never sent: " + o.key());
        assertEquals(sent.get(o.key()).length, o.size(), "listed size of " + o.key());
      }
      for (String key : acked) {
        assertTrue(listed.contains(key), "acknowledged but not listed: " + key);
        Faults.assertReadsBack(s3, bucket, key, sent.get(key));
      }
      int landedUnacknowledged = 0;
      int absent = 0;
      for (String key : failures.keySet()) {
        if (listed.contains(key)) {
          // The commit landed; its 200 died with the process. Whole and exact, never torn.
          landedUnacknowledged++;
          Faults.assertReadsBack(s3, bucket, key, sent.get(key));
        } else {
          absent++;
          try {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            fail("unlisted key " + key + " is readable (" + got.length + " bytes)");
          } catch (NoSuchKeyException expected) {
            assertEquals(404, expected.statusCode());
          }
        }
      }
      assertEquals(
          List.of(),
          s3.listMultipartUploads(b -> b.bucket(bucket)).uploads(),
          "no multipart upload is pending");
      System.out.println(
          "kill-nine: killed after "
              + ackedAtKill
              + " of "
              + UPLOADS
              + " acknowledgements; "
              + acked.size()
              + " acknowledged in all, each exact after the restart; "
              + failures.size()
              + " not acknowledged: "
              + landedUnacknowledged
              + " committed anyway (exact bytes), "
              + absent
              + " absent (404)");
    }
  }
}
