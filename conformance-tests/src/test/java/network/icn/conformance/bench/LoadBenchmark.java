package network.icn.conformance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The load benchmark against S3Proxy (not a test; see conformance-tests/README.md): starts S3Proxy
 * (filesystem backend) and our gateway (dev mode, 6 agents, 4+2), each in a child JVM with its data
 * under one temporary directory, drives both with the same aws-sdk-java-v2 async workload phase by
 * phase, and prints MB/s, ops/s, p50/p99, the servers' resident sets and the targets.
 *
 * <p>Arguments: {@code --s3proxy-jar PATH} (the Maven profile passes it), {@code --seconds N}
 * (measured window per phase, default 20), {@code --warmup N} (seconds, default 5), {@code --groups
 * 64m,1m,4k}, {@code --systems s3proxy,icn}, {@code --heap 192m} (-Xms and -Xmx of both servers),
 * {@code --jfr FILE} (a JFR recording of our gateway), {@code --gateway-flags F1,F2} (more JVM
 * flags for our gateway, for experiments), {@code --checksums when_supported|when_required} (the
 * SDK's setting, default when_supported), {@code --work-dir DIR}, {@code --keep}, {@code
 * --floor-only} (only the unavoidable-work measurement of {@link WorkFloor}, no servers).
 */
public final class LoadBenchmark {
  /** Parsed arguments. */
  record Options(
      Path s3proxyJar,
      Duration window,
      Duration warmup,
      List<String> groups,
      List<String> systems,
      String heap,
      Optional<Path> jfr,
      List<String> gatewayFlags,
      Optional<Path> workDir,
      boolean whenRequired,
      boolean keep,
      boolean floorOnly) {
    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      boolean keep = false;
      boolean floorOnly = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--keep")) {
          keep = true;
        } else if (a.equals("--floor-only")) {
          floorOnly = true;
        } else if (a.startsWith("--") && i + 1 < args.length) {
          values.put(a.substring(2), args[++i]);
        } else {
          throw new IllegalArgumentException("unexpected argument: " + a);
        }
      }
      Options o =
          new Options(
              Path.of(values.getOrDefault("s3proxy-jar", "target/s3proxy/missing.jar")),
              Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "20"))),
              Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "5"))),
              List.of(values.getOrDefault("groups", "64m,1m,4k").split(",")),
              List.of(values.getOrDefault("systems", "s3proxy,icn").split(",")),
              values.getOrDefault("heap", "192m"),
              Optional.ofNullable(values.get("jfr")).map(Path::of),
              Arrays.stream(values.getOrDefault("gateway-flags", "").split(","))
                  .filter(f -> !f.isEmpty())
                  .toList(),
              Optional.ofNullable(values.get("work-dir")).map(Path::of),
              parseChecksums(values.getOrDefault("checksums", "when_supported")),
              keep,
              floorOnly);
      for (String g : o.groups) {
        if (!List.of("64m", "1m", "4k").contains(g)) {
          throw new IllegalArgumentException("unknown group " + g + " (64m, 1m, 4k)");
        }
      }
      for (String s : o.systems) {
        if (!List.of("s3proxy", "icn").contains(s)) {
          throw new IllegalArgumentException("unknown system " + s + " (s3proxy, icn)");
        }
      }
      return o;
    }

    private static boolean parseChecksums(String value) {
      return switch (value) {
        case "when_supported" -> false;
        case "when_required" -> true;
        default ->
            throw new IllegalArgumentException(
                "--checksums is when_supported or when_required, not " + value);
      };
    }
  }

  private static final String BUCKET = "bench";
  private static final PrintStream OUT = System.out;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path work =
        options.workDir().isPresent()
            ? Files.createDirectories(options.workDir().get())
            : Files.createTempDirectory("icn-load-bench-");
    List<String> serverFlags = List.of("-Xms" + options.heap(), "-Xmx" + options.heap());
    Machine.describe(OUT, work);
    if (options.floorOnly()) {
      WorkFloor.print(OUT, new WorkFloor(work).measure());
      if (!options.keep()) {
        deleteTree(work);
      }
      return;
    }
    OUT.println("load average before: " + Machine.loadAverage());
    OUT.println(
        "servers: child JVMs "
            + String.join(" ", serverFlags)
            + "; ICN = GatewayMain dev, 6 agents in the gateway JVM (its RSS includes them),"
            + " rs-4-2-256k; S3Proxy "
            + options.s3proxyJar().getFileName()
            + ", filesystem backend");
    OUT.println(
        "client: aws-sdk-java-v2 S3AsyncClient, Netty NIO, path style, checksums "
            + (options.whenRequired()
                ? "WHEN_REQUIRED (none on PUT or GET)"
                : "WHEN_SUPPORTED (CRC32 trailer on PUT, validated on GET)")
            + ", no retries; every GET body checked (length + CRC32C); sync(1) before every"
            + " measured run");
    OUT.println("work dir: " + work + " (both servers' data)");
    // Measured first, on a machine where neither server runs yet (nor writes back its data).
    Optional<WorkFloor.Costs> floor = Optional.empty();
    if (options.groups().contains("64m")) {
      Machine.sync();
      floor = Optional.of(new WorkFloor(work).measure());
      WorkFloor.print(OUT, floor.get());
    }
    Payloads payloads = new Payloads(20261121L);
    List<Phase> phases = phases(options);
    for (Phase p : phases) {
      payloads.generate(p.size(), p.size() >= 64 << 20 ? 4 : p.size() >= 1 << 20 ? 32 : 256);
    }
    List<Servers.Target> targets = new ArrayList<>();
    List<S3AsyncClient> clients = new ArrayList<>();
    Report report = new Report();
    Map<String, Long> peakRss = new LinkedHashMap<>();
    boolean completed = false;
    try {
      if (options.systems().contains("s3proxy")) {
        targets.add(
            Servers.s3proxy(
                options.s3proxyJar(),
                work.resolve("s3proxy-data"),
                work.resolve("logs"),
                serverFlags));
      }
      if (options.systems().contains("icn")) {
        List<String> flags = new ArrayList<>(Servers.projectJvmFlags());
        flags.addAll(serverFlags);
        flags.addAll(options.gatewayFlags());
        options
            .jfr()
            .ifPresent(
                f ->
                    flags.add(
                        "-XX:StartFlightRecording=settings=profile,filename="
                            + f.toAbsolutePath()));
        OUT.println("ICN JVM flags: " + String.join(" ", flags));
        targets.add(Servers.icnGateway(work.resolve("icn-data"), work.resolve("logs"), flags));
      }
      for (Servers.Target t : targets) {
        OUT.println(t.name() + ": " + t.endpoint() + " pid " + t.process().pid());
        S3AsyncClient client = client(t, options.whenRequired());
        clients.add(client);
        client.createBucket(b -> b.bucket(BUCKET)).join();
      }
      PhaseRunner runner = new PhaseRunner(payloads);
      Map<String, Map<String, List<PhaseRunner.Stored>>> stored = new LinkedHashMap<>();
      Report.printHeader(OUT);
      for (int i = 0; i < phases.size(); i++) {
        Phase phase = phases.get(i);
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
          order.add(t);
        }
        if (i % 2 == 1) {
          Collections.reverse(order); // alternate who goes first
        }
        for (int t : order) {
          Servers.Target target = targets.get(t);
          List<PhaseRunner.Stored> keys =
              stored
                  .computeIfAbsent(target.name(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(
                      phase.group(), k -> Collections.synchronizedList(new ArrayList<>()));
          if (phase.op() == Phase.Op.GET && keys.isEmpty()) {
            OUT.println(
                "  " + phase.label() + " " + target.name() + ": skipped, no object written");
            continue;
          }
          Machine.sync();
          PhaseRunner.Result r = runner.run(target, clients.get(t), BUCKET, phase, keys);
          report.add(r);
          Report.printRow(OUT, r);
          if (r.errors() > 0) {
            OUT.println("  first error: " + r.firstError());
          }
        }
        boolean lastOfGroup =
            i + 1 == phases.size() || !phases.get(i + 1).group().equals(phase.group());
        if (lastOfGroup && i + 1 < phases.size()) {
          for (int t = 0; t < targets.size(); t++) {
            deleteAll(clients.get(t), stored.get(targets.get(t).name()).get(phase.group()));
          }
          settle(targets);
        }
      }
      OUT.println();
      OUT.println("## Results " + Instant.now());
      OUT.println();
      report.printTable(OUT);
      OUT.println();
      for (Servers.Target t : targets) {
        long rss = t.process().peakRssMib();
        peakRss.put(t.name(), rss);
        OUT.println(t.name() + " peak RSS (VmHWM): " + rss + " MiB");
      }
      report.printTargets(OUT, Optional.ofNullable(peakRss.get(Servers.ICN)));
      if (floor.isPresent()) {
        OUT.println();
        WorkFloor.print(OUT, floor.get());
        report.printFloorBounds(OUT, floor.get(), Runtime.getRuntime().availableProcessors());
      }
      OUT.println("load average after: " + Machine.loadAverage());
      completed = true;
    } finally {
      for (S3AsyncClient c : clients) {
        c.close();
      }
      for (Servers.Target t : targets) {
        t.process().close();
      }
      if (completed && !options.keep()) {
        deleteTree(work);
      } else {
        OUT.println("kept " + work + " (servers' data and logs)");
      }
    }
  }

  /** The phases of the chosen groups, in the order. */
  static List<Phase> phases(Options o) {
    Duration w = o.window();
    Duration up = o.warmup();
    List<Phase> all = new ArrayList<>();
    for (String g : o.groups()) {
      switch (g) {
        case "64m" -> {
          for (int streams : new int[] {1, 8}) {
            String group = "64m-x" + streams;
            int cap = streams == 1 ? 48 : 96;
            all.add(new Phase(group, Phase.Op.PUT, 64 << 20, streams, up, streams * 2, w, cap));
            all.add(new Phase(group, Phase.Op.GET, 64 << 20, streams, up, streams * 2, w, cap * 4));
          }
        }
        case "1m" -> {
          all.add(new Phase("1m", Phase.Op.PUT, 1 << 20, 16, up, 400, w, 4000));
          all.add(new Phase("1m", Phase.Op.GET, 1 << 20, 16, up, 400, w, 40_000));
        }
        case "4k" -> {
          all.add(new Phase("4k", Phase.Op.PUT, 4 << 10, 16, up, 20_000, w, 200_000));
          all.add(new Phase("4k", Phase.Op.GET, 4 << 10, 16, up, 20_000, w, 400_000));
        }
        default -> throw new IllegalArgumentException("unknown group " + g);
      }
    }
    return all;
  }

  /** The same client settings for both servers. */
  private static S3AsyncClient client(Servers.Target t, boolean whenRequired) {
    return S3AsyncClient.builder()
        .endpointOverride(t.endpoint())
        .region(Region.of(t.region()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(t.accessKey(), t.secretKey())))
        .requestChecksumCalculation(
            whenRequired
                ? RequestChecksumCalculation.WHEN_REQUIRED
                : RequestChecksumCalculation.WHEN_SUPPORTED)
        .responseChecksumValidation(
            whenRequired
                ? ResponseChecksumValidation.WHEN_REQUIRED
                : ResponseChecksumValidation.WHEN_SUPPORTED)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .maxConcurrency(64)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(120))
                .writeTimeout(Duration.ofSeconds(120)))
        .build();
  }

  /** Deletes a group's objects (not measured), 16 at a time. */
  private static void deleteAll(S3AsyncClient client, List<PhaseRunner.Stored> keys)
      throws InterruptedException {
    if (keys == null) {
      return;
    }
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (PhaseRunner.Stored s : List.copyOf(keys)) {
      inFlight.acquire();
      all.add(
          client
              .deleteObject(b -> b.bucket(BUCKET).key(s.key()))
              .whenComplete((r, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /**
   * After deletes: our gateway removes shards in the background, so wait (up to 90 s) until its
   * data directory stops shrinking, so that work does not land in the next phase; then sync.
   */
  private static void settle(List<Servers.Target> targets) throws Exception {
    for (Servers.Target t : targets) {
      if (!t.name().equals(Servers.ICN)) {
        continue;
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      long last = -1;
      while (System.nanoTime() < deadline) {
        Thread.sleep(3000);
        long size = Machine.treeBytes(t.dataDir());
        if (size == last) {
          break;
        }
        last = size;
      }
    }
    Machine.sync();
  }

  /**
   * Deletes the work dir; a file that vanishes or a directory that fills while walking (a server's
   * last writes) gets a second pass, and what is still left is reported, not thrown.
   */
  private static void deleteTree(Path root) {
    for (int pass = 0; pass < 2 && Files.exists(root); pass++) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            // retried in the next pass
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // retried in the next pass
      }
    }
    if (Files.exists(root)) {
      OUT.println("could not delete all of " + root);
    }
  }
}
