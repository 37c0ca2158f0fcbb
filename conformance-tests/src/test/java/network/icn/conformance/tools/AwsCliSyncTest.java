package network.icn.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.icn.conformance.Clients;
import network.icn.conformance.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The aws cli ({@code aws s3 ...}, v1 or v2, whichever is on PATH; CI installs Debian's {@code
 * awscli} when missing) against the target: {@code mb}, {@code cp} up and down of a small and a 20
 * MiB file (a three-part multipart upload at the cli's 8 MiB part size, read back with its ranged
 * GETs), a server-side {@code cp} and {@code mv} between keys (CopyObject, and UploadPartCopy for
 * the big one), {@code sync} of a tree up, changed and synced again with {@code --delete}, synced
 * down into a fresh directory with every file's SHA-256 compared, {@code ls} recursive and by
 * prefix, {@code rm --recursive} and {@code rb}, with exit codes and the cli's own report on stdout
 * checked at each step.
 *
 * <p>s3-gateway's {@code AwsCliTest} covers the cli against a dev gateway in that module (0 B, 1 B
 * and 100 MiB copies, presign). This one runs through {@link S3Target}, so it also runs against an
 * external gateway, and adds sync's change detection, server-side copies and listings by prefix.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AwsCliSyncTest {
  private static final long PART = 8L << 20; // the cli's multipart_chunksize below
  private static final long BIG = 20L << 20;
  private static final long STREAMED = 17L << 20; // 8 + 8 + 1 MiB
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);

  @TempDir static Path dir;
  private S3Target target;
  private Clients clients;
  private S3Client sdk;
  private Tool aws;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.open(dir.resolve("gateway"));
    clients = new Clients(target);
    sdk = clients.sync();
    Path config = dir.resolve("aws-config");
    Files.writeString(
        config,
        """
        [default]
        region = %s
        s3 =
            signature_version = s3v4
            addressing_style = path
            multipart_threshold = 8MB
            multipart_chunksize = 8MB
        """
            .formatted(target.region()));
    Path credentials = Files.writeString(dir.resolve("aws-credentials"), "");
    Map<String, String> env = new TreeMap<>();
    env.put("AWS_ACCESS_KEY_ID", target.accessKey());
    env.put("AWS_SECRET_ACCESS_KEY", target.secretKey());
    env.put("AWS_DEFAULT_REGION", target.region());
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    env.put("AWS_PAGER", ""); // v2 would page through `less`
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    aws =
        Tool.locate(
            "aws",
            "Debian: apt-get install awscli",
            List.of("--endpoint-url", target.endpoint(true).toString()),
            env,
            List.of("AWS_"),
            dir.resolve("cwd"),
            COMMAND_TIMEOUT);
    System.out.println("aws cli: " + aws.ok("--version").describe());
    bucket = S3Target.bucketName("awscli");
  }

  @AfterAll
  void stop() {
    if (clients != null) {
      Buckets.removeIfPresent(sdk, bucket);
      clients.close();
    }
    target.close();
  }

  /** {@code aws s3 <args>}, which must exit 0. */
  private Tool.Result s3(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("s3"));
    all.addAll(List.of(args));
    return aws.ok(all.toArray(String[]::new));
  }

  /**
   * The cli's report lines ({@code upload: X to s3://b/k}, {@code download: s3://b/k to X}, {@code
   * delete: s3://b/k}, {@code copy:}/{@code move: s3://a to s3://b}) as sorted "verb s3-url" pairs,
   * the url being the object acted on in the bucket; progress lines (carriage-return separated) are
   * dropped.
   */
  private static List<String> report(Tool.Result r) {
    List<String> actions = new ArrayList<>();
    for (String line : r.out().split("[\r\n]+")) {
      int colon = line.indexOf(": ");
      if (colon < 0 || line.startsWith("Completed ")) {
        continue;
      }
      String verb = line.substring(0, colon);
      String rest = line.substring(colon + 2);
      String object =
          switch (verb) {
            case "upload", "copy", "move" -> rest.substring(rest.lastIndexOf(" to s3://") + 4);
            case "download" -> rest.substring(0, rest.indexOf(" to "));
            case "delete" -> rest;
            default -> null;
          };
      if (object == null) {
        fail("unexpected report line '" + line + "' in " + r.describe());
      }
      actions.add(verb + " " + object);
    }
    return actions.stream().sorted().toList();
  }

  private static final Pattern LS_OBJECT = Pattern.compile("^\\S+ \\S+ +(\\d+) (.+)$");
  private static final Pattern LS_PREFIX = Pattern.compile("^ +PRE (.+)$");

  /** {@code aws s3 ls} lines as name → size (objects) or name → -1 (common prefixes). */
  private static Map<String, Long> listing(Tool.Result r) {
    Map<String, Long> entries = new TreeMap<>();
    for (String line : r.out().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher object = LS_OBJECT.matcher(line);
      Matcher prefix = LS_PREFIX.matcher(line);
      if (object.matches()) {
        entries.put(object.group(2), Long.parseLong(object.group(1)));
      } else if (prefix.matches()) {
        entries.put(prefix.group(1), -1L);
      } else {
        fail("unexpected ls line '" + line + "' in " + r.describe());
      }
    }
    return entries;
  }

  private String url(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private HeadObjectResponse head(String key) {
    return sdk.headObject(b -> b.bucket(bucket).key(key));
  }

  private String etag(String key) {
    return head(key).eTag().replace("\"", "");
  }

  @Test
  void mbCpMvSyncLsRmRbAgreeWithTheSourceFiles() throws Exception {
    assertEquals("make_bucket: " + bucket, s3("mb", "s3://" + bucket).out().strip());
    assertTrue(s3("ls").out().lines().anyMatch(l -> l.endsWith(" " + bucket)), "ls lists it");

    // cp up and down: a small file and a multipart one.
    Path files = dir.resolve("files");
    Path small = Content.file(files.resolve("small.txt"), 1500, 1);
    Path big = Content.file(files.resolve("big.bin"), BIG, 2);
    assertEquals(
        List.of("upload " + url("files/small.txt")),
        report(
            s3(
                "cp",
                "--no-progress",
                "--content-type",
                "text/x-icn",
                "--metadata",
                "colour=blue",
                small.toString(),
                url("files/small.txt"))));
    assertEquals(
        List.of("upload " + url("files/big.bin")),
        report(
            s3(
                "cp",
                "--no-progress",
                "--metadata",
                "colour=red",
                big.toString(),
                url("files/big.bin"))));
    assertEquals(Content.md5(small), etag("files/small.txt"));
    assertEquals("text/x-icn", head("files/small.txt").contentType());
    assertEquals(Map.of("colour", "blue"), head("files/small.txt").metadata());
    assertEquals(
        Content.multipartEtag(big, PART),
        etag("files/big.bin"),
        "20 MiB at 8 MiB parts is a three-part multipart upload");
    assertEquals(Map.of("colour", "red"), head("files/big.bin").metadata());
    // From stdin the cli cannot know the size: it sends 8 MiB parts as they fill.
    Path streamed = Content.file(files.resolve("streamed.bin"), STREAMED, 3);
    aws.okWithInput(streamed, "s3", "cp", "--no-progress", "-", url("files/streamed.bin"));
    assertEquals(Content.multipartEtag(streamed, PART), etag("files/streamed.bin"));
    Path down = dir.resolve("down");
    for (Path f : List.of(small, big, streamed)) {
      Path back = down.resolve(f.getFileName().toString());
      String key = "files/" + f.getFileName();
      assertEquals(
          List.of("download " + url(key)),
          report(s3("cp", "--no-progress", url(key), back.toString())));
      assertEquals(Content.sha256(f), Content.sha256(back), key);
    }

    // Server-side copies: CopyObject for the small one, UploadPartCopy parts for the big one
    // (above the multipart threshold); mv is a copy and a delete.
    assertEquals(
        List.of("copy " + url("copies/big copy.bin")),
        report(s3("cp", "--no-progress", url("files/big.bin"), url("copies/big copy.bin"))));
    assertEquals(
        Content.multipartEtag(big, PART),
        etag("copies/big copy.bin"),
        "the cli copies an object above its threshold part by part (UploadPartCopy)");
    // (Its metadata is not compared: cli v1 starts a multipart copy without the source's
    // metadata, against AWS too; v2 copies it with --copy-props.)
    s3("cp", "--no-progress", url("files/small.txt"), url("copies/small.txt"));
    assertEquals(
        List.of("move " + url("copies/small+moved ü.txt")),
        report(
            s3("mv", "--no-progress", url("copies/small.txt"), url("copies/small+moved ü.txt"))));
    assertEquals(
        "text/x-icn", head("copies/small+moved ü.txt").contentType(), "CopyObject keeps it");
    assertEquals(Map.of("colour", "blue"), head("copies/small+moved ü.txt").metadata());
    Path copies = dir.resolve("copies-down");
    s3("cp", "--no-progress", "--recursive", url("copies/"), copies.toString());
    assertEquals(
        Map.of("big copy.bin", Content.sha256(big), "small+moved ü.txt", Content.sha256(small)),
        Content.tree(copies));

    // sync up a tree, change it, sync again with --delete, then down into a fresh directory.
    Path src = dir.resolve("sync-src");
    Content.file(src.resolve("a.txt"), 1024, 10);
    Content.file(src.resolve("empty.dat"), 0, 11);
    Content.file(src.resolve("docs/read me+1.txt"), 2000, 12);
    Content.file(src.resolve("docs/ünï cødé.txt"), 3000, 13);
    Content.file(src.resolve("docs/sub/deep/x.bin"), 300_000, 14);
    Content.file(src.resolve("docs/sub/y.bin"), 40_000, 15);
    Content.file(src.resolve("data/nine.bin"), 9L << 20, 16); // multipart within sync
    List<String> expected = new ArrayList<>();
    for (String rel : Content.tree(src).keySet()) {
      expected.add("upload " + url("tree/" + rel));
    }
    assertEquals(
        expected.stream().sorted().toList(),
        report(s3("sync", "--no-progress", src.toString(), url("tree/"))));
    assertEquals(List.of(), report(s3("sync", "--no-progress", src.toString(), url("tree/"))));

    Content.file(src.resolve("docs/sub/y.bin"), 41_000, 17); // changed (size differs)
    Content.file(src.resolve("docs/new file.txt"), 500, 18); // added
    Files.delete(src.resolve("a.txt")); // removed
    assertEquals(
        List.of(
            "delete " + url("tree/a.txt"),
            "upload " + url("tree/docs/new file.txt"),
            "upload " + url("tree/docs/sub/y.bin")),
        report(s3("sync", "--no-progress", "--delete", src.toString(), url("tree/"))),
        "the second sync sends only what changed");
    assertEquals(
        List.of(),
        report(s3("sync", "--no-progress", "--delete", src.toString(), url("tree/"))),
        "a third sync finds nothing to do");

    Path dst = dir.resolve("sync-dst");
    Files.createDirectories(dst);
    Map<String, String> source = Content.tree(src);
    assertEquals(
        source.size(), report(s3("sync", "--no-progress", url("tree/"), dst.toString())).size());
    assertEquals(source, Content.tree(dst), "every file's SHA-256 after sync down");

    // ls: recursive over the bucket, by directory and by partial prefix.
    Map<String, Long> all = listing(s3("ls", "--recursive", "s3://" + bucket + "/"));
    Map<String, Long> expectedAll = new TreeMap<>();
    expectedAll.put("files/small.txt", Files.size(small));
    expectedAll.put("files/big.bin", BIG);
    expectedAll.put("files/streamed.bin", STREAMED);
    expectedAll.put("copies/big copy.bin", BIG);
    expectedAll.put("copies/small+moved ü.txt", Files.size(small));
    for (String rel : source.keySet()) {
      expectedAll.put("tree/" + rel, Files.size(src.resolve(rel)));
    }
    assertEquals(expectedAll, all);
    Tool.Result summary = s3("ls", "--recursive", "--summarize", "s3://" + bucket + "/");
    long total = expectedAll.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(
        summary.out().contains("Total Objects: " + expectedAll.size() + "\n"), summary.describe());
    assertTrue(summary.out().contains("Total Size: " + total + "\n"), summary.describe());
    assertEquals(
        Map.of(
            "sub/", -1L,
            "new file.txt", 500L,
            "read me+1.txt", 2000L,
            "ünï cødé.txt", 3000L),
        listing(s3("ls", url("tree/docs/"))));
    assertEquals(Map.of("docs/", -1L), listing(s3("ls", url("tree/do"))));
    assertEquals(
        Map.of("copies/", -1L, "files/", -1L, "tree/", -1L),
        listing(s3("ls", "s3://" + bucket + "/")));

    // A missing bucket and a non-empty rb fail with S3's error codes.
    Tool.Result missing = aws.run("s3", "ls", "s3://" + S3Target.bucketName("absent") + "/");
    assertNotEquals(0, missing.status(), missing.describe());
    assertTrue(missing.err().contains("NoSuchBucket"), missing.describe());
    Tool.Result notEmpty = aws.run("s3", "rb", "s3://" + bucket);
    assertNotEquals(0, notEmpty.status(), notEmpty.describe());
    assertTrue(notEmpty.err().contains("BucketNotEmpty"), notEmpty.describe());

    // rm --recursive, then rb.
    List<String> deletions = new ArrayList<>();
    for (String key : expectedAll.keySet()) {
      deletions.add("delete " + url(key));
    }
    assertEquals(
        deletions.stream().sorted().toList(),
        report(s3("rm", "--recursive", "s3://" + bucket + "/")));
    assertEquals("", s3("ls", "--recursive", "s3://" + bucket + "/").out().strip());
    assertEquals("remove_bucket: " + bucket, s3("rb", "s3://" + bucket).out().strip());
    assertFalse(s3("ls").out().lines().anyMatch(l -> l.endsWith(" " + bucket)), "rb removed it");
    assertFalse(Buckets.exists(sdk, bucket));
  }
}
