package network.icn.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.icn.erasure.ErasureScheme;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  @Test
  void everyKeyHasItsDefault() {
    GatewayConfig c =
        GatewayConfig.parse(new String[] {"--data-dir=/d", "--master-key=k"}, Map.of());
    assertEquals(
        new GatewayConfig(
            "0.0.0.0",
            9000,
            Path.of("/d"),
            "us-east-1",
            "us-east-1",
            List.of(),
            ErasureScheme.DEFAULT,
            Optional.of("k"),
            Optional.empty(),
            8192,
            2,
            Duration.ofSeconds(300),
            false,
            6,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(30),
            false),
        c);
  }

  @Test
  void devModeServesVirtualHostsUnderLocalhostByDefault() {
    assertEquals(
        List.of("localhost"),
        GatewayConfig.parse(new String[] {"--data-dir=/d", "--dev"}, Map.of()).baseDomains());
    assertEquals(
        List.of("s3.test"),
        GatewayConfig.parse(
                new String[] {"--data-dir=/d", "--dev", "--base-domains=s3.test"}, Map.of())
            .baseDomains());
  }

  @Test
  void everyKeyParsesFromFlagsAndFlagsBeatEnvironment() {
    GatewayConfig c =
        GatewayConfig.parse(
            new String[] {
              "--listen-host",
              "127.0.0.2",
              "--port=9100",
              "--data-dir=/x",
              "--region=eu-central-1",
              "--placement-region=fra",
              "--base-domains=s3.example.com, localhost",
              "--scheme=rs-6-3-1m",
              "--master-key=mk",
              "--placement-url=http://p:7000",
              "--max-header-bytes=16384",
              "--io-threads=4",
              "--idle-timeout-seconds=30",
              "--dev",
              "--dev-agents=9",
              "--access-key=ak",
              "--secret-key=sk",
              "--admin-token=0123456789abcdef",
              "--shutdown-grace-seconds=5",
              "--access-log"
            },
            Map.of("ICN_GATEWAY_PORT", "1", "ICN_GATEWAY_DATA_DIR", "/env"));
    assertEquals(
        new GatewayConfig(
            "127.0.0.2",
            9100,
            Path.of("/x"),
            "eu-central-1",
            "fra",
            List.of("s3.example.com", "localhost"),
            new ErasureScheme(6, 3, 1 << 20),
            Optional.of("mk"),
            Optional.of(URI.create("http://p:7000")),
            16384,
            4,
            Duration.ofSeconds(30),
            true,
            9,
            Optional.of("ak"),
            Optional.of("sk"),
            Optional.of("0123456789abcdef"),
            Duration.ofSeconds(5),
            true),
        c);
    assertEquals(19, GatewayConfig.KEYS.size());
  }

  @Test
  void environmentVariablesAreRead() {
    GatewayConfig c =
        GatewayConfig.parse(
            new String[0],
            Map.of(
                "ICN_GATEWAY_DATA_DIR", "/e", "ICN_GATEWAY_DEV", "true", "ICN_GATEWAY_PORT", "0"));
    assertEquals(Path.of("/e"), c.dataDir());
    assertEquals("127.0.0.1", c.listenHost());
    assertEquals(0, c.port());
  }

  @Test
  void mistakesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> GatewayConfig.parse(new String[0], Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> GatewayConfig.parse(new String[] {"--data-dir=/d"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> GatewayConfig.parse(new String[] {"--data-dir=/d", "--dev", "--bogus=1"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GatewayConfig.parse(
                new String[] {"--data-dir=/d", "--dev", "--dev-agents=3"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GatewayConfig.parse(
                new String[] {"--data-dir=/d", "--dev", "--access-key=a"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GatewayConfig.parse(
                new String[] {"--data-dir=/d", "--dev", "--admin-token=short"}, Map.of()));
  }
}
