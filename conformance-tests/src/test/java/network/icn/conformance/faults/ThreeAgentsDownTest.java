package network.icn.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import network.icn.conformance.Clients;
import network.icn.conformance.S3Target;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.SegmentRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Three stopped agents holding shards of one segment leave fewer than k = 4 of its 6 shards: a GET
 * that cannot produce its first byte is a 503 ServiceUnavailable with an S3 XML body (no 200, no
 * object bytes); one whose later segment is lost is cut short, and every byte sent is right. Once
 * the agents are back everything reads back exactly.
 */
@Timeout(150)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ThreeAgentsDownTest {
  private static final int MIB = 1 << 20;

  @TempDir static Path dir;
  private S3Target target;
  private LocalCluster cluster;
  private Clients clients;
  private S3Client s3;
  private S3Presigner presigner;
  private final Faults.AttemptLog attempts = new Faults.AttemptLog();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String bucket = S3Target.bucketName("three-down");
  private final Map<String, byte[]> objects = new LinkedHashMap<>();
  private SplittableRandom random;

  @BeforeAll
  void start() throws Exception {
    target = S3Target.inProcess(dir, Faults.eightAgents());
    cluster = target.local().orElseThrow().cluster();
    clients = new Clients(target);
    presigner = clients.presigner(true);
    s3 = Faults.client(target, attempts, true);
    s3.createBucket(b -> b.bucket(bucket));
    random = new SplittableRandom(Faults.seed("three-down"));
    put("inline", 3_000);
    put("one-segment", 300_000);
    put("four-segments", 3 * MIB + 777);
  }

  @AfterAll
  void stop() {
    if (s3 != null) {
      s3.close();
    }
    if (clients != null) {
      clients.close();
    }
    if (target != null) {
      target.close();
    }
    http.close();
  }

  @AfterEach
  void heal() throws Exception {
    Faults.healAll(cluster);
  }

  private void put(String key, int size) {
    byte[] body = Faults.body(random, size);
    Faults.put(s3, bucket, key, body);
    objects.put(key, body);
  }

  @Test
  void aGetWithFewerThanKShardsOfItsFirstSegmentIs503XmlAndNoBytes() throws Exception {
    for (String key : List.of("one-segment", "four-segments")) {
      SegmentRecord first = Faults.record(cluster, bucket, key).layout().segments().getFirst();
      List<Integer> holders = Faults.holders(cluster, first);
      List<Integer> stopped = holders.subList(0, 3);
      stopped.forEach(i -> cluster.agent(i).stop());

      HttpResponse<byte[]> raw = rawGet(key);
      assertEquals(
          503, raw.statusCode(), key + ": " + new String(raw.body(), StandardCharsets.UTF_8));
      assertEquals(
          "application/xml", raw.headers().firstValue("Content-Type").orElse(""), "error type");
      Document xml = parse(raw.body());
      assertEquals("Error", xml.getDocumentElement().getNodeName());
      assertEquals("ServiceUnavailable", text(xml, "Code"));
      assertTrue(!text(xml, "RequestId").isEmpty(), "the error names its request");
      assertEquals(
          raw.body().length,
          Long.parseLong(raw.headers().firstValue("Content-Length").orElse("-1")),
          "the body is the XML error and nothing else");

      attempts.clear();
      S3Exception e =
          assertThrows(
              S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
      assertEquals(503, e.statusCode());
      assertEquals("ServiceUnavailable", e.awsErrorDetails().errorCode());
      List<Integer> tries = attempts.statuses("GetObject");
      assertTrue(
          !tries.isEmpty() && tries.stream().allMatch(s -> s == 503),
          "every attempt of the default client was a 503: " + tries);
      System.out.println(
          "three-down: "
              + key
              + " with agents "
              + stopped
              + " stopped: 503 ServiceUnavailable (the SDK tried "
              + tries.size()
              + " times)");

      // Inline objects live in the metadata record and do not depend on agents at all.
      Faults.assertReadsBack(s3, bucket, "inline", objects.get("inline"));
      Faults.healAll(cluster);
      for (Map.Entry<String, byte[]> o : objects.entrySet()) {
        Faults.assertReadsBack(s3, bucket, o.getKey(), o.getValue());
      }
    }
  }

  @Test
  void aGetWhoseLaterSegmentIsLostIsCutShortWithOnlyRightBytes() throws Exception {
    // Three agents that hold shards of the second segment but at most two of the first: the first
    // segment streams (200), the second cannot be decoded, and the connection is cut.
    List<Integer> stopped = null;
    String key = null;
    for (int attempt = 0; attempt < 6 && stopped == null; attempt++) {
      key = "two-segments-" + attempt;
      put(key, MIB + 300_000);
      ObjectRecord record = Faults.record(cluster, bucket, key);
      stopped =
          threeThatOnlyBreak(
              Faults.holders(cluster, record.layout().segments().get(0)),
              Faults.holders(cluster, record.layout().segments().get(1)));
    }
    if (stopped == null) {
      fail("six two-segment objects all had the same 6 agents for both segments");
    }
    stopped.forEach(i -> cluster.agent(i).stop());
    byte[] body = objects.get(key);
    String k = key;

    HttpRequest request = HttpRequest.newBuilder(presign(k)).GET().build();
    HttpResponse<InputStream> raw = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, raw.statusCode());
    assertEquals(
        body.length, Long.parseLong(raw.headers().firstValue("Content-Length").orElse("-1")));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean cut = false;
    try (InputStream in = raw.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        got.write(buffer, 0, n);
      }
    } catch (IOException e) {
      cut = true; // fewer bytes than Content-Length: the client knows the response is broken
    }
    byte[] received = got.toByteArray();
    assertTrue(received.length < body.length, "received " + received.length + ", cut " + cut);
    assertArrayEquals(
        Arrays.copyOf(body, received.length), received, "every byte sent is the object's");
    assertThrows(SdkException.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)));
    System.out.println(
        "three-down: "
            + key
            + " with agents "
            + stopped
            + " stopped: 200 cut"
            + (cut ? " (client saw the short body as an error)" : "")
            + " after "
            + received.length
            + " of "
            + body.length
            + " bytes, all of them right");

    Faults.healAll(cluster);
    for (Map.Entry<String, byte[]> o : objects.entrySet()) {
      Faults.assertReadsBack(s3, bucket, o.getKey(), o.getValue());
    }
  }

  /**
   * Three holders of the second segment of which at most two hold a shard of the first (so the
   * first stays readable), or null if both segments are on the same six agents.
   */
  private static List<Integer> threeThatOnlyBreak(List<Integer> first, List<Integer> second) {
    List<Integer> chosen = new ArrayList<>(second);
    chosen.removeAll(first);
    if (chosen.isEmpty()) {
      return null;
    }
    chosen = new ArrayList<>(chosen.subList(0, 1));
    for (int agent : second) {
      if (chosen.size() < 3 && !chosen.contains(agent)) {
        chosen.add(agent);
      }
    }
    return chosen;
  }

  private URI presign(String key) throws Exception {
    return presigner
        .presignGetObject(
            p ->
                p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key(key)))
        .url()
        .toURI();
  }

  private HttpResponse<byte[]> rawGet(String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(presign(key)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
  }

  private static String text(Document xml, String element) {
    var nodes = xml.getElementsByTagName(element);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
