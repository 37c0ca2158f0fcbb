package network.icn.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Concurrent writers to one key: {@value #WRITERS} threads each PUT distinct random bodies (256 KiB
 * to 2 MiB, so each is striped over several erasure segments in-process) to the same key {@value
 * #ROUNDS} times while {@value #READERS} readers GET and HEAD it. Every read sees exactly one whole
 * body with its own ETag, never a mix, and the key ends as one writer's last body.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ConcurrentWritersTest {
  private static final int WRITERS = 8;
  private static final int ROUNDS = 4;
  private static final int READERS = 2;
  private static final int MIN_SIZE = 256 * 1024;
  private static final int MAX_SIZE = 2 * 1024 * 1024;

  @TempDir static Path dir;
  private SdkFixture fx;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    fx = SdkFixture.open(dir);
    bucket = fx.bucket("concurrent");
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  @ParameterizedTest
  @MethodSource("network.icn.conformance.sdk.Mode#clients")
  void readersSeeOneWholeBodyAndTheKeyEndsAsAWritersLastBody(Mode mode) throws Exception {
    S3Ops s3 = fx.ops(mode);
    String key = "contended/" + mode.id();
    SplittableRandom sizes = new SplittableRandom(mode.id().hashCode());
    // body[w][r]: writer w's body of round r; every size distinct, so a mix shows in its length.
    byte[][][] bodies = new byte[WRITERS][ROUNDS][];
    Map<String, String> shaByEtag = new ConcurrentHashMap<>();
    Map<String, Integer> lengthByEtag = new ConcurrentHashMap<>();
    Set<Integer> usedSizes = ConcurrentHashMap.newKeySet();
    for (int w = 0; w < WRITERS; w++) {
      for (int r = 0; r < ROUNDS; r++) {
        int size;
        do {
          size = sizes.nextInt(MIN_SIZE, MAX_SIZE + 1);
        } while (!usedSizes.add(size));
        bodies[w][r] = Bodies.random(1000L * w + r, size);
        shaByEtag.put(Bodies.etag(bodies[w][r]), Bodies.sha256(bodies[w][r]));
        lengthByEtag.put(Bodies.etag(bodies[w][r]), size);
      }
    }
    byte[] initial = Bodies.random(-1, MIN_SIZE - 1);
    shaByEtag.put(Bodies.etag(initial), Bodies.sha256(initial));
    lengthByEtag.put(Bodies.etag(initial), initial.length);
    s3.putObject(b -> b.bucket(bucket).key(key), initial);

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> violations = new CopyOnWriteArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        byte[][] mine = bodies[w];
        writers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (byte[] body : mine) {
                    String etag = s3.putObject(b -> b.bucket(bucket).key(key), body).eTag();
                    if (!etag.equals(Bodies.etag(body))) {
                      violations.add("PUT answered ETag " + etag + " for " + Bodies.etag(body));
                    }
                  }
                  return null;
                }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            pool.submit(
                () -> {
                  go.await();
                  while (writing.get()) {
                    check(s3.getObject(b -> b.bucket(bucket).key(key)), shaByEtag, violations);
                    check(s3.headObject(b -> b.bucket(bucket).key(key)), lengthByEtag, violations);
                    reads.incrementAndGet();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : writers) {
        f.get(200, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> f : readers) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }

    assertEquals(List.of(), violations);
    assertTrue(reads.get() > 0, "the readers read nothing");
    // The last commit is some writer's last PUT: each writer's earlier PUTs committed before it.
    ResponseBytes<GetObjectResponse> end = s3.getObject(b -> b.bucket(bucket).key(key));
    Set<String> lastBodies = ConcurrentHashMap.newKeySet();
    for (byte[][] w : bodies) {
      lastBodies.add(Bodies.sha256(w[ROUNDS - 1]));
    }
    String endSha = Bodies.sha256(end.asByteArray());
    assertTrue(lastBodies.contains(endSha), "the key ends as a body that was not a last write");
    assertEquals(shaByEtag.get(end.response().eTag()), endSha);
    System.out.printf(
        "%s: %d PUTs of 256 KiB..2 MiB by %d writers, %d GET+HEAD pairs during them%n",
        mode, WRITERS * ROUNDS, WRITERS, reads.get());
  }

  /** A GET body is one of the bodies written, whole, under its own ETag. */
  private static void check(
      ResponseBytes<GetObjectResponse> got,
      Map<String, String> shaByEtag,
      List<String> violations) {
    String sha = Bodies.sha256(got.asByteArray());
    String etag = got.response().eTag();
    if (!shaByEtag.containsValue(sha)) {
      violations.add("GET returned a body never written (" + got.asByteArray().length + " bytes)");
    } else if (!sha.equals(shaByEtag.get(etag))) {
      violations.add("GET returned one body under another body's ETag " + etag);
    } else if (got.response().contentLength() != got.asByteArray().length) {
      violations.add(
          "GET Content-Length "
              + got.response().contentLength()
              + " for a body of "
              + got.asByteArray().length);
    }
  }

  /** A HEAD names one of the bodies written, with that body's length. */
  private static void check(
      HeadObjectResponse head, Map<String, Integer> lengthByEtag, List<String> violations) {
    Integer length = lengthByEtag.get(head.eTag());
    if (length == null) {
      violations.add("HEAD returned an unknown ETag " + head.eTag());
    } else if (head.contentLength() != length.longValue()) {
      violations.add("HEAD ETag " + head.eTag() + " with length " + head.contentLength());
    }
  }
}
