package network.icn.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.icn.agent.client.ShardId;
import network.icn.agent.testing.AgentFixture;
import network.icn.agent.testing.TestShards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A started agent with two data directories, over HTTP and across a restart. */
final class MultiDataDirAgentTest {
  @TempDir Path dir;

  @Test
  void anAgentWithTwoDataDirsSpreadsShardsKeepsTheKeyInTheFirstAndSurvivesARestart()
      throws Exception {
    Path first = dir.resolve("disk1");
    Path second = dir.resolve("disk2");
    String nodeId;
    Set<Path> holders = new HashSet<>();
    try (AgentFixture fx = new AgentFixture(first, "--data-dir=" + second)) {
      nodeId = fx.nodeId();
      assertEquals(2, fx.agent.store().directories().size());
      assertEquals(64L << 20, fx.agent.store().usage().capacityBytes());
      for (int i = 0; i < 32; i++) {
        fx.put("multi-" + i, TestShards.bytes(20_000, i), 4096);
        holders.add(fx.agent.store().locationOf(new ShardId("multi-" + i)).orElseThrow());
      }
    }
    assertEquals(Set.of(first.toAbsolutePath(), second.toAbsolutePath()), holders);
    assertTrue(Files.exists(first.resolve("node.key")));
    assertFalse(Files.exists(second.resolve("node.key")));
    try (AgentFixture fx = new AgentFixture(first, "--data-dir=" + second)) {
      assertEquals(nodeId, fx.nodeId());
      assertEquals(32, fx.agent.store().usage().shardCount());
      for (int i = 0; i < 32; i++) {
        assertArrayEquals(
            TestShards.bytes(20_000, i),
            fx.get("multi-" + i, Optional.empty()).get(30, TimeUnit.SECONDS));
      }
    }
  }
}
