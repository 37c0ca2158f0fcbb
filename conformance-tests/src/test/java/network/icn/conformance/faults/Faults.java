package network.icn.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import network.icn.conformance.S3Target;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.testing.LocalCluster;
import network.icn.placement.api.NodeState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What the fault scenarios share: the cluster shape, bodies, digests, shard lookups. */
final class Faults {
  private Faults() {}

  /** {@link LocalCluster.Options#small()} (4+2, 64 KiB chunks, 1 MiB segments) with 8 agents. */
  static LocalCluster.Options eightAgents() {
    return LocalCluster.Options.small().withAgents(8);
  }

  /**
   * The run's seed: {@code -Dfaults.seed=N} to replay a run, else fresh. Printed, so a failure can
   * be replayed.
   */
  static long seed(String scenario) {
    String given = System.getProperty("faults.seed");
    long seed =
        given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    System.out.println(scenario + ": seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
    return seed;
  }

  static byte[] body(SplittableRandom random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GETs {@code key} with {@code s3} and compares its SHA-256 (and length) with {@code body}. */
  static void assertReadsBack(S3Client s3, String bucket, String key, byte[] body) {
    byte[] got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    assertEquals(body.length, got.length, "length of " + key);
    assertEquals(sha256(body), sha256(got), "SHA-256 of " + key);
  }

  static void put(S3Client s3, String bucket, String key, byte[] body) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  /** The object's committed record, straight from the metadata store. */
  static ObjectRecord record(LocalCluster cluster, String bucket, String key) {
    return cluster
        .metadata()
        .getObject(bucket, key)
        .orElseThrow(() -> new AssertionError("no record of " + key));
  }

  /** The indexes of the agents holding shards of a segment, in shard order (no duplicates). */
  static List<Integer> holders(LocalCluster cluster, SegmentRecord segment) {
    Set<Integer> agents = new LinkedHashSet<>();
    for (ShardRecord shard : segment.shards()) {
      agents.add(cluster.agentOf(shard.nodeId()).index());
    }
    return List.copyOf(agents);
  }

  /** Restarts every stopped agent and waits until placement lists all of them ACTIVE again. */
  static void healAll(LocalCluster cluster) throws Exception {
    for (LocalCluster.AgentHandle agent : cluster.agents()) {
      agent.start();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      long active =
          cluster.placement().nodes().stream().filter(n -> n.state() == NodeState.ACTIVE).count();
      if (active == cluster.agents().size()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("agents not all ACTIVE again: " + cluster.placement().nodes());
  }

  /**
   * A sync client with the SDK's defaults (path style, checksums, its default retry strategy) that
   * logs every attempt; with {@code retries} false, each call is exactly one attempt.
   */
  static S3Client client(S3Target target, AttemptLog log, boolean retries) {
    return S3Client.builder()
        .endpointOverride(target.endpoint(true))
        .region(Region.of(target.region()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
        .overrideConfiguration(
            o -> {
              o.addExecutionInterceptor(log);
              if (!retries) {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
              }
            })
        .build();
  }

  /** Every HTTP attempt's status by operation name (each retry is its own attempt). */
  static final class AttemptLog implements ExecutionInterceptor {
    private final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    @Override
    public void afterTransmission(
        Context.AfterTransmission context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      statuses
          .computeIfAbsent(operation, k -> new CopyOnWriteArrayList<>())
          .add(context.httpResponse().statusCode());
    }

    List<Integer> statuses(String operation) {
      return new ArrayList<>(statuses.getOrDefault(operation, List.of()));
    }

    void clear() {
      statuses.clear();
    }
  }
}
