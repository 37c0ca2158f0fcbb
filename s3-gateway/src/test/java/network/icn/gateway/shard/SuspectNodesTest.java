package network.icn.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import network.icn.agent.client.AgentError;
import network.icn.agent.client.AgentException;
import network.icn.gateway.testing.SettableClock;
import org.junit.jupiter.api.Test;

class SuspectNodesTest {
  private static final String A = "0xAAAA000000000000000000000000000000000001";
  private static final String B = "0xbbbb000000000000000000000000000000000002";

  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SuspectNodes suspects = new SuspectNodes(clock, Duration.ofSeconds(10));

  @Test
  void anUnreachableNodeIsSuspectUntilTheWindowPasses() {
    assertFalse(suspects.isSuspect(A));
    suspects.unreachable(A);
    assertTrue(suspects.isSuspect(A));
    clock.advance(Duration.ofMillis(9_999));
    assertTrue(suspects.isSuspect(A));
    clock.advance(Duration.ofMillis(1));
    assertFalse(suspects.isSuspect(A));
    assertEquals(Set.of(), suspects.current());
  }

  @Test
  void aLaterFailureExtendsTheWindow() {
    suspects.unreachable(A);
    clock.advance(Duration.ofSeconds(8));
    suspects.unreachable(A);
    clock.advance(Duration.ofSeconds(8));
    assertTrue(suspects.isSuspect(A));
  }

  @Test
  void aSuccessfulContactClearsSuspicionAtOnce() {
    suspects.unreachable(A);
    suspects.unreachable(B);
    suspects.reached(A);
    assertFalse(suspects.isSuspect(A));
    assertTrue(suspects.isSuspect(B));
  }

  @Test
  void nodeIdsCompareIgnoringCaseAndAreListedInLowerCase() {
    suspects.unreachable(A);
    assertTrue(suspects.isSuspect(A.toLowerCase()));
    suspects.unreachable(B.toUpperCase().replace("0X", "0x"));
    assertEquals(Set.of(A.toLowerCase(), B), suspects.current());
    suspects.reached(B);
    assertEquals(Set.of(A.toLowerCase()), suspects.current());
  }

  @Test
  void currentHoldsOnlyNodesStillInTheirWindow() {
    suspects.unreachable(A);
    clock.advance(Duration.ofSeconds(6));
    suspects.unreachable(B);
    clock.advance(Duration.ofSeconds(6));
    assertEquals(Set.of(B), suspects.current());
  }

  @Test
  void connectFailuresAndTimeoutsMeanUnreachable() {
    AgentException refused =
        new AgentException(
            AgentError.UNAVAILABLE,
            "cannot connect to /127.0.0.1:1: Connection refused",
            new ConnectException("Connection refused"));
    assertTrue(SuspectNodes.isUnreachable(refused));
    assertTrue(SuspectNodes.isUnreachable(new CompletionException(refused)));
    assertTrue(SuspectNodes.isUnreachable(new AgentException(AgentError.TIMEOUT, "no progress")));
  }

  @Test
  void failuresTheNodeReportedOrTheWriterCausedDoNotMeanUnreachable() {
    assertFalse(
        SuspectNodes.isUnreachable(
            new AgentException(AgentError.INSUFFICIENT_STORAGE, "disk full")));
    assertFalse(
        SuspectNodes.isUnreachable(
            new AgentException(
                AgentError.UNAVAILABLE,
                "shard source failed: aborted by the writer",
                new IOException("shard upload 3 aborted by the writer"))));
    assertFalse(SuspectNodes.isUnreachable(new IllegalStateException("bug")));
  }

  @Test
  void theWindowMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new SuspectNodes(clock, Duration.ZERO));
  }
}
