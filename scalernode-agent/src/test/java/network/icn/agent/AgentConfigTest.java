package network.icn.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AgentConfigTest {
  @Test
  void everyKeyHasThisDefault() {
    AgentConfig c = AgentConfig.parse(new String[0], Map.of());
    assertEquals("0.0.0.0", c.listen().getHostString());
    assertEquals(7070, c.listen().getPort());
    assertEquals("http://0.0.0.0:7070", c.endpoint());
    assertEquals(
        List.of(new AgentConfig.DataDir(Path.of("./data"), OptionalLong.empty())), c.dataDirs());
    assertEquals(Path.of("./data"), c.primaryDataDir());
    assertEquals(100L << 30, c.capacityBytes());
    assertEquals("local", c.region());
    assertEquals("site-1", c.site());
    assertEquals("standard", c.hardwareClass());
    assertEquals(Optional.empty(), c.hpId());
    assertEquals(Optional.empty(), c.placementUrl());
    assertEquals(Path.of("./data/node.key"), c.keyFile());
    assertEquals(Set.of(), c.allowedGateways());
    assertEquals(Duration.ofSeconds(30), c.maxClockSkew());
    assertEquals(100_000, c.replayCacheSize());
    assertTrue(c.verifyMerkle());
    assertEquals(16L << 20, c.scrubBytesPerSecond());
    assertEquals(Duration.ofSeconds(30), c.heartbeatInterval());
    assertEquals(Duration.ofSeconds(20), c.shutdownGrace());
    assertEquals(2, c.ioThreads());
    assertEquals(262_144, c.maxHeaderBytes());
    assertEquals(Duration.ofSeconds(120), c.idleTimeout());
    assertEquals(
        List.of(
            "listen",
            "endpoint",
            "data-dir",
            "capacity",
            "region",
            "site",
            "hardware-class",
            "hp-id",
            "placement-url",
            "key-file",
            "allowed-gateways",
            "max-clock-skew",
            "replay-cache-size",
            "verify-merkle",
            "scrub-rate",
            "heartbeat-interval",
            "shutdown-grace",
            "io-threads",
            "max-header-bytes",
            "idle-timeout"),
        List.copyOf(AgentConfig.KEYS.keySet()));
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "capacity=1G\nregion=file-region\nsite=file-site\n");
    AgentConfig c =
        AgentConfig.parse(
            new String[] {"--config", file.toString(), "--capacity=3T"},
            Map.of("ICN_AGENT_REGION", "env-region", "ICN_AGENT_CAPACITY", "2T"));
    assertEquals(3L << 40, c.capacityBytes());
    assertEquals("env-region", c.region());
    assertEquals("file-site", c.site());
  }

  @Test
  void unknownFlagIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentConfig.parse(new String[] {"--capacty=1G"}, Map.of()));
  }

  @Test
  void helpMentionsEveryKey() {
    String help = AgentConfig.help();
    AgentConfig.KEYS.keySet().forEach(k -> assertTrue(help.contains("--" + k), k));
  }

  @Test
  void dataDirMayBeRepeatedAndCommaSeparatedAndTheKeyLivesInTheFirst() {
    AgentConfig c =
        AgentConfig.parse(
            new String[] {"--data-dir=/disk1/icn,/disk2/icn", "--data-dir", "/disk3/icn"},
            Map.of());
    assertEquals(
        List.of(Path.of("/disk1/icn"), Path.of("/disk2/icn"), Path.of("/disk3/icn")),
        c.dataDirs().stream().map(AgentConfig.DataDir::path).toList());
    assertEquals(Path.of("/disk1/icn"), c.primaryDataDir());
    assertEquals(Path.of("/disk1/icn/node.key"), c.keyFile());
  }

  @Test
  void dataDirsComeCommaSeparatedFromTheEnvironmentAndTheFile(@TempDir Path dir) throws Exception {
    AgentConfig fromEnv =
        AgentConfig.parse(new String[0], Map.of("ICN_AGENT_DATA_DIR", "/a, /b ,"));
    assertEquals(
        List.of(Path.of("/a"), Path.of("/b")),
        fromEnv.dataDirs().stream().map(AgentConfig.DataDir::path).toList());
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "data-dir=/f1,/f2\n");
    AgentConfig fromFile = AgentConfig.parse(new String[] {"--config=" + file}, Map.of());
    assertEquals(
        List.of(Path.of("/f1"), Path.of("/f2")),
        fromFile.dataDirs().stream().map(AgentConfig.DataDir::path).toList());
  }

  @Test
  void aDataDirMayCarryItsOwnCapacity() {
    AgentConfig c =
        AgentConfig.parse(new String[] {"--data-dir=/a:3T,/b", "--capacity=4T"}, Map.of());
    assertEquals(
        List.of(
            new AgentConfig.DataDir(Path.of("/a"), OptionalLong.of(3L << 40)),
            new AgentConfig.DataDir(Path.of("/b"), OptionalLong.empty())),
        c.dataDirs());
    assertEquals(
        new AgentConfig.DataDir(Path.of("/odd:name"), OptionalLong.empty()),
        AgentConfig.DataDir.parse("/odd:name"));
  }

  @Test
  void whenEveryDataDirHasACapacityTheOfferedCapacityIsTheirSum() {
    AgentConfig c = AgentConfig.parse(new String[] {"--data-dir=/a:1T,/b:2T"}, Map.of());
    assertEquals(3L << 40, c.capacityBytes());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AgentConfig.parse(new String[] {"--data-dir=/a:1T,/b:2T", "--capacity=4T"}, Map.of()));
  }

  @Test
  void badDataDirListsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentConfig.parse(new String[] {"--data-dir=/a,/a/"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentConfig.parse(new String[] {"--data-dir=/a:4T,/b", "--capacity=4T"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentConfig.parse(new String[] {"--data-dir= , "}, Map.of()));
  }
}
