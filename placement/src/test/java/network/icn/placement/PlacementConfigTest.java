package network.icn.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementConfigTest {

  @Test
  void everyKeyAndDefaultIsPinned() {
    assertEquals(
        List.of(
            "host=127.0.0.1",
            "port=7070",
            "data-dir=placement-data",
            "seed=1",
            "heartbeat-interval=10s",
            "suspect-after-missed=3",
            "down-after=5m",
            "max-clock-skew=2m",
            "liveness-check-interval=5s",
            "snapshot-refresh=1s",
            "unit-bytes=1099511627776",
            "api-token=null"),
        PlacementConfig.KEYS.stream().map(k -> k.name() + "=" + k.defaultValue()).toList());
    PlacementConfig config = PlacementConfig.parse(List.of(), Map.of());
    assertEquals("127.0.0.1", config.host());
    assertEquals(7070, config.port());
    assertEquals(Path.of("placement-data"), config.dataDir());
    assertEquals(1, config.seed());
    assertEquals(Duration.ofSeconds(10), config.registry().heartbeatInterval());
    assertEquals(3, config.registry().suspectAfterMissed());
    assertEquals(Duration.ofMinutes(5), config.registry().downAfter());
    assertEquals(Duration.ofMinutes(2), config.registry().maxClockSkew());
    assertEquals(Duration.ofSeconds(5), config.livenessCheckInterval());
    assertEquals(Duration.ofSeconds(1), config.snapshotRefresh());
    assertEquals(1L << 40, config.unitBytes());
    assertEquals(Optional.empty(), config.apiToken());
  }

  @Test
  void environmentVariablesAreNamedAfterTheKeys() {
    assertEquals("ICN_PLACEMENT_DATA_DIR", PlacementConfig.KEYS.get(2).env());
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheConfigFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("placement.properties");
    Files.writeString(file, "port=1000\nseed=5\nunit-bytes=4096\ndown-after=PT10M\n");
    PlacementConfig config =
        PlacementConfig.parse(
            List.of("--config", file.toString(), "--port=3000", "--api-token", "t"),
            Map.of("ICN_PLACEMENT_PORT", "2000", "ICN_PLACEMENT_SEED", "9"));
    assertEquals(3000, config.port());
    assertEquals(9, config.seed());
    assertEquals(4096, config.unitBytes());
    assertEquals(Duration.ofMinutes(10), config.registry().downAfter());
    assertEquals(Optional.of("t"), config.apiToken());
  }

  @Test
  void unknownFlagsAndBadValuesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PlacementConfig.parse(List.of("--prot", "1"), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PlacementConfig.parse(List.of("--down-after", "soon"), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PlacementConfig.parse(List.of("--down-after", "10s"), Map.of()));
  }

  @Test
  void helpListsEveryFlagAndVariable() {
    String help = PlacementConfig.help();
    for (PlacementConfig.Key key : PlacementConfig.KEYS) {
      assertTrue(help.contains("--" + key.name()), key.name());
      assertTrue(help.contains(key.env()), key.env());
    }
    assertTrue(PlacementConfig.wantsHelp(List.of("--help")));
  }
}
