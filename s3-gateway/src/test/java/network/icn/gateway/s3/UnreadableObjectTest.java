package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import network.icn.gateway.metadata.ShardRecord;
import network.icn.gateway.s3.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * GetObject of an object whose first stripe cannot be decoded: the status line waits for the first
 * decoded bytes, so the client gets a 503 S3 error document instead of a 200 that is cut.
 */
@Timeout(60)
class UnreadableObjectTest {
  @TempDir static Path dir;
  static S3TestGateway gateway;
  static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    gateway = new S3TestGateway(dir);
    http = new RawHttp(gateway.port(), S3TestGateway.KEY_1, S3TestGateway.SECRET_1);
    assertEquals(
        200, http.send(http.sign(SdkHttpMethod.PUT, "/unreadable", Map.of(), null)).status());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void getWithFewerThanKShardsIs503ErrorXmlNotACut200() throws Exception {
    byte[] body = new byte[300_000];
    new SplittableRandom(5).nextBytes(body);
    assertEquals(
        200, http.send(http.sign(SdkHttpMethod.PUT, "/unreadable/k", Map.of(), body)).status());
    var shards = gateway.cluster.metadata().getObject("unreadable", "k").orElseThrow().layout();
    for (int i = 0; i < 3; i++) {
      ShardRecord shard = shards.segments().getFirst().shards().get(i);
      gateway.cluster.agentOf(shard.nodeId()).stop();
    }
    try {
      Response r = http.send(http.sign(SdkHttpMethod.GET, "/unreadable/k", Map.of(), null));
      assertEquals(503, r.status(), r.text());
      assertEquals("ServiceUnavailable", r.code());
      assertEquals("application/xml", r.header("Content-Type").orElse(""));
      assertTrue(r.text().startsWith("<?xml"), r.text());
      Response head = http.send(http.sign(SdkHttpMethod.HEAD, "/unreadable/k", Map.of(), null));
      assertEquals(200, head.status(), "HEAD reads metadata only");
    } finally {
      for (var agent : gateway.cluster.agents()) {
        agent.start();
      }
    }
    Response again = http.send(http.sign(SdkHttpMethod.GET, "/unreadable/k", Map.of(), null));
    assertEquals(200, again.status());
    assertEquals(body.length, again.body().length);
    assertTrue(java.util.Arrays.equals(body, again.body()));
  }
}
