package network.icn.conformance.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Runs one {@link Phase} against one server: closed-loop streams on virtual threads, each waiting
 * for its operation before the next; per-operation latency from the call to the last byte. Every
 * GET is checked against the payload its key was written with (length and CRC32C of the body): a
 * wrong answer stops the benchmark.
 */
final class PhaseRunner {
  /** A key written by a PUT phase and the index of its payload. */
  record Stored(String key, int payload) {}

  /**
   * A measured window. MB/s counts decimal megabytes (10^6 bytes) of object data.
   *
   * @param rssMib the largest resident set sampled from the server during the window
   * @param cpuMillis CPU time the server process used during the window
   * @param clientCpuMillis CPU time this process (the client) used during the window
   * @param machineBusyPercent share of all the machine's CPUs busy during the window (100 = all)
   */
  record Result(
      Phase phase,
      String system,
      long ops,
      long bytes,
      double seconds,
      long errors,
      String firstError,
      long[] latenciesNanos,
      long rssMib,
      long cpuMillis,
      long clientCpuMillis,
      double machineBusyPercent) {
    double mbPerSecond() {
      return bytes / 1e6 / seconds;
    }

    double opsPerSecond() {
      return ops / seconds;
    }

    /** The server's CPU time (all its threads) per operation in the window. */
    double cpuMillisPerOp() {
      return ops == 0 ? Double.NaN : (double) cpuMillis / ops;
    }

    /** The client's CPU time per operation in the window. */
    double clientCpuMillisPerOp() {
      return ops == 0 ? Double.NaN : (double) clientCpuMillis / ops;
    }

    /** Nearest-rank percentile in milliseconds; NaN without samples. */
    double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * latenciesNanos.length);
      return latenciesNanos[Math.clamp(rank - 1, 0, latenciesNanos.length - 1)] / 1e6;
    }
  }

  private static final int MAX_ERRORS = 200;

  private final Payloads payloads;

  PhaseRunner(Payloads payloads) {
    this.payloads = payloads;
  }

  /**
   * Warm-up, then the measured window. A PUT phase appends what it wrote to {@code stored}; a GET
   * phase reads those keys round robin.
   */
  Result run(
      Servers.Target target, S3AsyncClient client, String bucket, Phase phase, List<Stored> stored)
      throws Exception {
    if (phase.op() == Phase.Op.GET && stored.isEmpty()) {
      throw new IllegalStateException(phase.label() + ": nothing was written to read");
    }
    if (phase.warmupOps() > 0) {
      window(client, bucket, phase, stored, "w", phase.warmup().toNanos(), phase.warmupOps());
    }
    target.process().resetWindow();
    CpuClock.Reading cpuStart = CpuClock.read();
    Window w = window(client, bucket, phase, stored, "m", phase.window().toNanos(), phase.maxOps());
    CpuClock.Reading cpuEnd = CpuClock.read();
    long[] latencies = Arrays.copyOf(w.latencies, w.count.get());
    Arrays.sort(latencies);
    return new Result(
        phase,
        target.name(),
        latencies.length,
        (long) latencies.length * phase.size(),
        w.nanos / 1e9,
        w.errors.sum(),
        w.firstError.get(),
        latencies,
        target.process().windowPeakRssMib(),
        target.process().windowCpuMillis(),
        cpuEnd.processMillisSince(cpuStart),
        cpuEnd.machineBusyPercentSince(cpuStart));
  }

  private static final class Window {
    final long[] latencies;
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger issued = new AtomicInteger();
    final LongAdder errors = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();
    long nanos;

    Window(int maxOps) {
      latencies = new long[maxOps];
    }
  }

  private Window window(
      S3AsyncClient client,
      String bucket,
      Phase phase,
      List<Stored> stored,
      String tag,
      long durationNanos,
      int maxOps)
      throws Exception {
    Window w = new Window(maxOps);
    List<Stored> readable = phase.op() == Phase.Op.GET ? List.copyOf(stored) : List.of();
    long start = System.nanoTime();
    long deadline = start + durationNanos;
    try (ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?>[] running = new Future<?>[phase.concurrency()];
      for (int s = 0; s < phase.concurrency(); s++) {
        running[s] =
            streams.submit(
                () -> {
                  while (System.nanoTime() < deadline && w.errors.sum() < MAX_ERRORS) {
                    int n = w.issued.getAndIncrement();
                    if (n >= maxOps) {
                      return null;
                    }
                    long t0 = System.nanoTime();
                    try {
                      if (phase.op() == Phase.Op.PUT) {
                        put(client, bucket, phase, tag, n, stored);
                      } else {
                        get(client, bucket, phase, readable.get(n % readable.size()));
                      }
                      w.latencies[w.count.getAndIncrement()] = System.nanoTime() - t0;
                    } catch (CompletionException e) {
                      w.errors.increment();
                      w.firstError.compareAndSet(null, String.valueOf(e.getCause()));
                    }
                  }
                  return null;
                });
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    w.nanos = System.nanoTime() - start;
    return w;
  }

  private void put(
      S3AsyncClient client, String bucket, Phase phase, String tag, int n, List<Stored> stored) {
    int payload = n % payloads.count(phase.size());
    String key = phase.group() + "/" + tag + "/" + n;
    client
        .putObject(
            PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentLength((long) phase.size())
                .build(),
            AsyncRequestBody.fromBytesUnsafe(payloads.bytes(phase.size(), payload)))
        .join();
    stored.add(new Stored(key, payload));
  }

  private void get(S3AsyncClient client, String bucket, Phase phase, Stored object) {
    Body body =
        client
            .getObject(
                GetObjectRequest.builder().bucket(bucket).key(object.key()).build(),
                new BodyCheck())
            .join();
    long expectedCrc = payloads.crc32c(phase.size(), object.payload());
    if (body.length() != phase.size() || body.crc32c() != expectedCrc) {
      throw new IllegalStateException(
          "wrong answer for "
              + object.key()
              + ": "
              + body.length()
              + " bytes, CRC32C "
              + Long.toHexString(body.crc32c())
              + "; expected "
              + phase.size()
              + " bytes, CRC32C "
              + Long.toHexString(expectedCrc));
    }
  }

  /** What a GET returned: its length and CRC32C. */
  record Body(long length, long crc32c) {}

  /** Consumes a GET body without keeping it: counts and CRC32Cs it. Single use. */
  private static final class BodyCheck
      implements AsyncResponseTransformer<GetObjectResponse, Body> {
    private final CRC32C crc = new CRC32C();
    private final AtomicLong length = new AtomicLong();
    private CompletableFuture<Body> result;

    @Override
    public CompletableFuture<Body> prepare() {
      result = new CompletableFuture<>();
      return result;
    }

    @Override
    public void onResponse(GetObjectResponse response) {}

    @Override
    public void onStream(SdkPublisher<ByteBuffer> publisher) {
      publisher.subscribe(
          new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
              s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
              length.addAndGet(b.remaining());
              crc.update(b);
            }

            @Override
            public void onError(Throwable t) {
              result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
              result.complete(new Body(length.get(), crc.getValue()));
            }
          });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
      result.completeExceptionally(error);
    }
  }
}
