package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes raced by 8 writers on one key. As S3 documents, the first write to finish wins
 * and the others fail with {@code 412 PreconditionFailed}: the gateway evaluates the condition
 * inside the per-key commit lock, so no two conditional writers can both succeed and a loser never
 * leaves its bytes behind.
 */
class ConditionalWriteConcurrencyTest {
  static final String BUCKET = "race";
  static final int WRITERS = 8;

  @TempDir static Path dir;
  static S3TestGateway gateway;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    s3 = gateway.client(true);
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** Runs {@code write(i)} for every writer at once; status → writers, and the winners' ETags. */
  static Map<Integer, List<Integer>> race(IntFunction<String> write, List<String> etags)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
      for (int i = 0; i < WRITERS; i++) {
        int writer = i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return write.apply(writer);
                  } catch (S3Exception e) {
                    return e;
                  }
                }));
      }
      go.countDown();
      Map<Integer, List<Integer>> byStatus = new TreeMap<>();
      for (int i = 0; i < WRITERS; i++) {
        Object r = results.get(i).get();
        int status;
        if (r instanceof S3Exception e) {
          status = e.statusCode();
          assertEquals("PreconditionFailed", e.awsErrorDetails().errorCode());
        } else {
          status = 200;
          etags.add((String) r);
        }
        byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(i);
      }
      return byStatus;
    }
  }

  static byte[] data(int writer) {
    return MultipartEndToEndTest.random(100_000, 1000 + writer);
  }

  @Test
  void ifNoneMatchStarLetsExactlyOneOfEightConcurrentCreatorsWin() throws Exception {
    String key = "create-once";
    List<String> etags = new ArrayList<>();
    Map<Integer, List<Integer>> byStatus =
        race(
            i ->
                s3.putObject(
                        b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"),
                        RequestBody.fromBytes(data(i)))
                    .eTag(),
            etags);
    assertEquals(1, byStatus.get(200).size(), byStatus.toString());
    assertEquals(WRITERS - 1, byStatus.get(412).size(), byStatus.toString());
    int winner = byStatus.get(200).getFirst();
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertArrayEquals(data(winner), got.asByteArray());
    assertEquals(etags.getFirst(), got.response().eTag());
  }

  @Test
  void ifMatchLetsExactlyOneOfEightConcurrentOverwritersWin() throws Exception {
    String key = "compare-and-swap";
    String initial =
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("initial")).eTag();
    List<String> etags = new ArrayList<>();
    Map<Integer, List<Integer>> byStatus =
        race(
            i ->
                s3.putObject(
                        b -> b.bucket(BUCKET).key(key).ifMatch(initial),
                        RequestBody.fromBytes(data(i)))
                    .eTag(),
            etags);
    assertEquals(1, byStatus.get(200).size(), byStatus.toString());
    assertEquals(WRITERS - 1, byStatus.get(412).size(), byStatus.toString());
    int winner = byStatus.get(200).getFirst();
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertArrayEquals(data(winner), got.asByteArray());
    assertEquals(etags.getFirst(), got.response().eTag());
  }

  @Test
  void ifNoneMatchStarLetsExactlyOneOfEightConcurrentCompletionsWin() throws Exception {
    String key = "complete-once";
    List<String> uploads = new ArrayList<>();
    List<String> partEtags = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
      uploads.add(id);
      partEtags.add(
          s3.uploadPart(
                  b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                  RequestBody.fromBytes(data(i)))
              .eTag());
    }
    List<String> etags = new ArrayList<>();
    Map<Integer, List<Integer>> byStatus =
        race(
            i ->
                s3.completeMultipartUpload(
                        b ->
                            b.bucket(BUCKET)
                                .key(key)
                                .uploadId(uploads.get(i))
                                .ifNoneMatch("*")
                                .multipartUpload(
                                    m -> m.parts(p -> p.partNumber(1).eTag(partEtags.get(i)))))
                    .eTag(),
            etags);
    assertEquals(1, byStatus.get(200).size(), byStatus.toString());
    assertEquals(WRITERS - 1, byStatus.get(412).size(), byStatus.toString());
    int winner = byStatus.get(200).getFirst();
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertArrayEquals(data(winner), got.asByteArray());
    assertEquals(etags.getFirst(), got.response().eTag());
  }
}
