package network.icn.gateway.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.testing.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One object of 200 MiB with the real defaults: 64 MiB segments, 4+2, 256 KiB chunks. */
class LargeObjectTest {
  @TempDir Path dir;

  @Test
  void a200MiBObjectRoundTripsWithTheDefaultLayout() throws Exception {
    long size = 200L << 20;
    try (LocalCluster cluster = LocalCluster.start(dir, LocalCluster.Options.defaults())) {
      cluster.createBucket("large");
      MessageDigest written = MessageDigest.getInstance("SHA-256");
      ObjectRecord record;
      try (InputStream body = new DigestInputStream(TestBodies.stream(42, size), written)) {
        record = cluster.store().put(PutObjectRequest.of("large", "big", size), body);
      }
      assertEquals(4, record.layout().segments().size());
      MessageDigest read = MessageDigest.getInstance("SHA-256");
      long[] count = {0};
      cluster
          .store()
          .get(
              "large",
              "big",
              Optional.empty(),
              (ByteBuffer data) -> {
                count[0] += data.remaining();
                read.update(data);
              });
      assertEquals(size, count[0]);
      assertEquals(
          HexFormat.of().formatHex(written.digest()), HexFormat.of().formatHex(read.digest()));
    }
  }
}
