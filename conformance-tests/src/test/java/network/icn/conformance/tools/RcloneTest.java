package network.icn.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import network.icn.conformance.Clients;
import network.icn.conformance.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * rclone (its s3 backend, provider {@code Other}, configured by environment variables only) against
 * the target: {@code mkdir}, {@code copyto} of a small file and a 20 MiB one in 5 MiB parts, {@code
 * sync} of a tree up, a change to it (including a same-size edit only a hash can tell), {@code
 * sync} again, {@code check} (sizes and MD5s, the multipart ones from rclone's {@code md5chksum}
 * metadata) before and after, {@code lsf}/{@code lsjson} with hashes and modification times
 * (rclone's {@code mtime} metadata), {@code copy} down with every SHA-256 and mtime compared, a
 * multi-thread (ranged) download, {@code deletefile}, {@code delete}, {@code purge} and {@code
 * rmdir}.
 *
 * <p>Every run uses {@code --retries 1 --low-level-retries 1}, so a request the gateway gets wrong
 * fails the test instead of being retried away, and {@code --use-json-log}, so what rclone did is
 * read from its log entries rather than scraped from text.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class RcloneTest {
  private static final long PART = 5L << 20;
  private static final long BIG = 20L << 20;
  private static final String[] MULTIPART = {"--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M"};
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant MTIME = Instant.parse("2020-01-02T03:04:05.678Z");
  private static final Instant MTIME_2 = Instant.parse("2021-06-07T08:09:10.111Z");

  @TempDir static Path dir;
  private S3Target target;
  private Clients clients;
  private S3Client sdk;
  private Tool rclone;
  private String bucket;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.open(dir.resolve("gateway"));
    clients = new Clients(target);
    sdk = clients.sync();
    Path config = Files.writeString(dir.resolve("rclone.conf"), "");
    Map<String, String> env = new TreeMap<>();
    env.put("RCLONE_CONFIG_ICN_TYPE", "s3");
    env.put("RCLONE_CONFIG_ICN_PROVIDER", "Other");
    env.put("RCLONE_CONFIG_ICN_ENV_AUTH", "false");
    env.put("RCLONE_CONFIG_ICN_ACCESS_KEY_ID", target.accessKey());
    env.put("RCLONE_CONFIG_ICN_SECRET_ACCESS_KEY", target.secretKey());
    env.put("RCLONE_CONFIG_ICN_ENDPOINT", target.endpoint(true).toString());
    env.put("RCLONE_CONFIG_ICN_REGION", target.region());
    env.put("RCLONE_CONFIG_ICN_FORCE_PATH_STYLE", "true");
    rclone =
        Tool.locate(
            "rclone",
            "Debian: apt-get install rclone",
            List.of(
                "--config",
                config.toString(),
                "--retries",
                "1",
                "--low-level-retries",
                "1",
                "--use-json-log",
                "-v"),
            env,
            List.of("RCLONE_", "AWS_"),
            dir.resolve("cwd"),
            COMMAND_TIMEOUT);
    System.out.println("rclone: " + rclone.ok("version").out().lines().findFirst().orElse(""));
    bucket = S3Target.bucketName("rclone");
  }

  @AfterAll
  void stop() {
    if (clients != null) {
      Buckets.removeIfPresent(sdk, bucket);
      clients.close();
    }
    target.close();
  }

  private String remote(String path) {
    return "icn:" + bucket + (path.isEmpty() ? "" : "/" + path);
  }

  private static String[] with(String[] extra, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  /** rclone's JSON log entries (stderr lines that are JSON objects). */
  private static List<JsonNode> log(Tool.Result r) {
    List<JsonNode> entries = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      if (line.startsWith("{")) {
        entries.add(JSON.readTree(line));
      }
    }
    return entries;
  }

  /**
   * What a copy or sync did to objects, as sorted "message: object" pairs ({@code Copied (new):
   * a.txt}), after checking the run logged no error.
   */
  private static List<String> transfers(Tool.Result r) {
    List<String> done = new ArrayList<>();
    for (JsonNode e : log(r)) {
      assertNotEquals("error", e.path("level").asString(), r.describe());
      String msg = e.path("msg").asString();
      if (e.has("object")
          && (msg.startsWith("Copied") || msg.startsWith("Deleted") || msg.startsWith("Updated"))) {
        done.add(msg + ": " + e.path("object").asString());
      }
    }
    return done.stream().sorted().toList();
  }

  /** The messages a run logged at level warning or above (where {@code check} reports). */
  private static List<String> notices(Tool.Result r) {
    return log(r).stream()
        .filter(e -> !e.path("level").asString().matches("info|debug"))
        .map(e -> e.path("msg").asString())
        .toList();
  }

  /** Writes a seeded file and sets its mtime, which rclone keeps in the object's metadata. */
  private static void file(Path root, String rel, long size, long seed, Instant mtime)
      throws Exception {
    Path f = Content.file(root.resolve(rel), size, seed);
    Files.setLastModifiedTime(f, FileTime.from(mtime));
  }

  private static Map<String, Instant> mtimes(Path root) throws Exception {
    Map<String, Instant> times = new TreeMap<>();
    for (String rel : Content.tree(root).keySet()) {
      times.put(
          rel,
          Files.getLastModifiedTime(root.resolve(rel)).toInstant().truncatedTo(ChronoUnit.MILLIS));
    }
    return times;
  }

  private String etag(String key) {
    return sdk.headObject(b -> b.bucket(bucket).key(key)).eTag().replace("\"", "");
  }

  @Test
  void mkdirCopySyncCheckListCopyDownDeletePurgeRmdir() throws Exception {
    rclone.ok("mkdir", remote(""));
    assertTrue(Buckets.exists(sdk, bucket), "mkdir created the bucket");
    assertTrue(
        rclone.ok("lsf", "icn:").out().lines().anyMatch((bucket + "/")::equals),
        "lsf icn: lists it");

    // copyto: a single PutObject and a four-part multipart upload.
    Path files = dir.resolve("files");
    file(files, "small.txt", 3000, 1, MTIME);
    file(files, "big.bin", BIG, 2, MTIME);
    assertEquals(
        List.of("Copied (new): small.txt"),
        transfers(
            rclone.ok("copyto", files.resolve("small.txt").toString(), remote("files/small.txt"))));
    assertEquals(
        List.of("Copied (new): big.bin"),
        transfers(
            rclone.ok(
                with(
                    MULTIPART,
                    "copyto",
                    files.resolve("big.bin").toString(),
                    remote("files/big.bin")))));
    assertEquals(Content.md5(files.resolve("small.txt")), etag("files/small.txt"));
    assertEquals(
        Content.multipartEtag(files.resolve("big.bin"), PART),
        etag("files/big.bin"),
        "20 MiB in 5 MiB chunks is a four-part multipart upload");
    Tool.Result filesCheck = rclone.ok("check", files.toString(), remote("files"));
    assertTrue(notices(filesCheck).contains("0 differences found"), filesCheck.describe());
    assertTrue(notices(filesCheck).contains("2 matching files"), filesCheck.describe());
    assertTrue(
        notices(filesCheck).stream().noneMatch(n -> n.contains("could not be checked")),
        "every MD5 is known, the multipart one from its metadata: " + filesCheck.describe());

    // Server-side: a copy in 5 MiB UploadPartCopy parts, then a move (CopyObject, DeleteObject).
    assertEquals(
        List.of("Copied (server-side copy) to: big copy.bin: big.bin"),
        transfers(
            rclone.ok(
                "copyto",
                "--s3-copy-cutoff",
                "5M",
                remote("files/big.bin"),
                remote("copies/big copy.bin"))));
    assertEquals(
        Content.multipartEtag(files.resolve("big.bin"), PART),
        etag("copies/big copy.bin"),
        "four UploadPartCopy parts of 5 MiB");
    assertEquals(
        List.of("Copied (server-side copy) to: moved+ü.bin: big copy.bin", "Deleted: big copy.bin"),
        transfers(
            rclone.ok("moveto", remote("copies/big copy.bin"), remote("copies/moved+ü.bin"))));
    assertEquals(
        Content.md5(files.resolve("big.bin")) + "  moved+ü.bin",
        rclone.ok("md5sum", remote("copies")).out().strip(),
        "the MD5 rclone recorded travels with both copies");
    Path movedDown = dir.resolve("moved-down.bin");
    rclone.ok("copyto", remote("copies/moved+ü.bin"), movedDown.toString());
    assertEquals(Content.sha256(files.resolve("big.bin")), Content.sha256(movedDown));

    // sync a tree up (one file multipart), change it, sync again.
    Path src = dir.resolve("sync-src");
    file(src, "a.txt", 1024, 10, MTIME);
    file(src, "empty.dat", 0, 11, MTIME);
    file(src, "docs/read me+1.txt", 2000, 12, MTIME);
    file(src, "docs/ünï cødé 100%.txt", 3000, 13, MTIME);
    file(src, "docs/sub/deep/x.bin", 300_000, 14, MTIME);
    file(src, "docs/sub/y.bin", 40_000, 15, MTIME);
    file(src, "data/twelve.bin", 12L << 20, 16, MTIME);
    List<String> created = new ArrayList<>();
    for (String rel : Content.tree(src).keySet()) {
      created.add("Copied (new): " + rel);
    }
    assertEquals(
        created.stream().sorted().toList(),
        transfers(rclone.ok(with(MULTIPART, "sync", src.toString(), remote("tree")))));
    assertEquals(
        Content.multipartEtag(src.resolve("data/twelve.bin"), PART),
        etag("tree/data/twelve.bin"),
        "sync uploads above the cutoff in parts too");
    Tool.Result check = rclone.ok("check", src.toString(), remote("tree"));
    assertTrue(notices(check).contains("0 differences found"), check.describe());
    assertTrue(notices(check).contains("7 matching files"), check.describe());
    assertTrue(
        notices(check).stream().noneMatch(n -> n.contains("could not be checked")),
        check.describe());
    assertEquals(
        List.of(),
        transfers(rclone.ok(with(MULTIPART, "sync", src.toString(), remote("tree")))),
        "a second sync finds nothing to do (sizes and mtimes agree)");

    file(src, "docs/sub/y.bin", 40_000, 17, MTIME_2); // same size, other bytes
    file(src, "docs/new file.txt", 500, 18, MTIME_2);
    Files.delete(src.resolve("a.txt"));
    Tool.Result stale = rclone.run("check", src.toString(), remote("tree"));
    assertNotEquals(0, stale.status(), "check must notice the change: " + stale.describe());
    assertTrue(notices(stale).contains("3 differences found"), stale.describe());
    assertEquals(
        List.of(
            "Copied (new): docs/new file.txt",
            "Copied (replaced existing): docs/sub/y.bin",
            "Deleted: a.txt"),
        transfers(rclone.ok(with(MULTIPART, "sync", src.toString(), remote("tree")))),
        "the second sync sends only what changed");
    check = rclone.ok("check", src.toString(), remote("tree"));
    assertTrue(notices(check).contains("0 differences found"), check.describe());
    assertTrue(notices(check).contains("7 matching files"), check.describe());

    // lsf and lsjson: names, sizes, MD5s and mtimes as the source has them.
    Map<String, String> source = Content.tree(src);
    assertEquals(
        source.keySet(),
        new TreeSet<>(
            rclone.ok("lsf", "-R", "--files-only", remote("tree")).out().lines().toList()));
    assertEquals(
        Set.of("data/", "docs/", "empty.dat"),
        new TreeSet<>(rclone.ok("lsf", remote("tree")).out().lines().toList()),
        "lsf without -R: common prefixes as directories");
    for (String version : List.of("1", "2")) {
      assertEquals(
          source.keySet(),
          new TreeSet<>(
              rclone
                  .ok(
                      "lsf",
                      "-R",
                      "--files-only",
                      "--s3-list-version",
                      version,
                      "--s3-list-chunk",
                      "2",
                      remote("tree"))
                  .out()
                  .lines()
                  .toList()),
          "ListObjects V" + version + " in pages of two keys");
    }
    Map<String, Instant> sourceTimes = mtimes(src);
    Tool.Result lsjson = rclone.ok("lsjson", "-R", "--files-only", "--hash", remote("tree"));
    Map<String, String> listed = new TreeMap<>();
    for (JsonNode e : JSON.readTree(lsjson.out())) {
      String path = e.path("Path").asString();
      listed.put(
          path,
          e.path("Size").asLong()
              + " "
              + e.path("Hashes").path("md5").asString()
              + " "
              + Instant.parse(e.path("ModTime").asString()).truncatedTo(ChronoUnit.MILLIS));
    }
    Map<String, String> expected = new TreeMap<>();
    for (String rel : source.keySet()) {
      expected.put(
          rel,
          Files.size(src.resolve(rel))
              + " "
              + Content.md5(src.resolve(rel))
              + " "
              + sourceTimes.get(rel));
    }
    assertEquals(expected, listed, "size, MD5 and mtime of each object: " + lsjson.describe());

    // copy down into a fresh directory; a multi-thread (ranged) download of the big file.
    Path down = dir.resolve("copy-down");
    assertEquals(
        source.keySet().stream().map(k -> "Copied (new): " + k).sorted().toList(),
        transfers(rclone.ok("copy", remote("tree"), down.toString())));
    assertEquals(source, Content.tree(down), "every file's SHA-256 after copy down");
    assertEquals(sourceTimes, mtimes(down), "rclone restores each file's mtime");
    Path bigDown = dir.resolve("big-down.bin");
    rclone.ok(
        "copyto",
        "--multi-thread-streams",
        "4",
        "--multi-thread-cutoff",
        "5M",
        remote("files/big.bin"),
        bigDown.toString());
    assertEquals(Content.sha256(files.resolve("big.bin")), Content.sha256(bigDown));

    // Removal: a non-empty bucket refuses rmdir; deletefile, delete, purge, then rmdir.
    Tool.Result notEmpty = rclone.run("rmdir", remote(""));
    assertNotEquals(0, notEmpty.status(), notEmpty.describe());
    assertTrue(notEmpty.err().contains("BucketNotEmpty"), notEmpty.describe());
    rclone.ok("deletefile", remote("files/small.txt"));
    assertEquals("big.bin", rclone.ok("lsf", remote("files")).out().strip());
    rclone.ok("delete", remote("files"));
    assertEquals("", rclone.ok("lsf", remote("files")).out().strip());
    rclone.ok("purge", remote("tree"));
    rclone.ok("delete", remote("copies"));
    assertEquals("", rclone.ok("lsf", "-R", remote("")).out().strip());
    assertTrue(Buckets.exists(sdk, bucket), "purge of a prefix keeps the bucket");
    rclone.ok("rmdir", remote(""));
    assertFalse(Buckets.exists(sdk, bucket), "rmdir removed the empty bucket");
    assertFalse(
        rclone.ok("lsf", "icn:").out().lines().anyMatch((bucket + "/")::equals),
        "lsf icn: no longer lists it");
  }
}
