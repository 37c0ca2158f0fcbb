package network.icn.gateway.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.icn.gateway.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a 5 GiB streamed write and read through the object layer in a JVM limited to 256 MiB
 * of heap and 256 MiB of direct memory, against agent fakes that keep no data ({@code
 * SyntheticAgentClient}). Measured at about 30 s on the shared 2-core machine.
 */
class LargeObjectMemoryTest {
  static final long FIVE_GIB = 5L << 30;

  @TempDir Path dir;

  @Test
  void fiveGibStreamsThroughAndBackInA256MibHeap() throws Exception {
    Path stderr = dir.resolve("child.err");
    Process child = null;
    String result = null;
    int exit;
    try {
      child =
          ChildJvm.start(
              LargeStreamMain.class,
              List.of("-Xmx256m", "-XX:MaxDirectMemorySize=256m"),
              List.of(Long.toString(FIVE_GIB)),
              stderr);
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
      assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child did not exit");
      exit = child.exitValue();
    } finally {
      ChildJvm.kill(child);
    }
    String err = Files.readString(stderr);
    assertNotNull(result, "no result line; stderr: " + err);
    String[] p = result.split(" ");
    System.out.println(
        "5 GiB at -Xmx256m: peak heap "
            + Long.parseLong(p[4]) / (1 << 20)
            + " MiB, write "
            + p[5]
            + " s, read "
            + p[6]
            + " s");
    assertEquals(0, exit, "child exit status; stderr: " + err);
    assertEquals(p[1], p[2], "SHA-256 of the bytes written and read back");
    assertEquals(FIVE_GIB, Long.parseLong(p[3]));
  }
}
