package network.icn.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class CapacitySplitTest {
  private static final OptionalLong NONE = OptionalLong.empty();

  @Test
  void directoriesWithoutASizeShareInProportionToTheirFileSystems() {
    assertEquals(
        List.of(200L, 100L, 100L),
        CapacitySplit.split(400, List.of(NONE, NONE, NONE), List.of(16L, 8L, 8L)));
  }

  @Test
  void explicitSizesAreTakenFirstAndTheRestIsShared() {
    assertEquals(
        List.of(100L, 150L, 150L),
        CapacitySplit.split(400, List.of(OptionalLong.of(100), NONE, NONE), List.of(0L, 5L, 5L)));
  }

  @Test
  void roundingGoesToTheLastSharedDirectorySoThePartsAddUp() {
    List<Long> parts = CapacitySplit.split(100, List.of(NONE, NONE, NONE), List.of(1L, 1L, 1L));
    assertEquals(List.of(33L, 33L, 34L), parts);
  }

  @Test
  void hugeFileSystemsDoNotOverflow() {
    long total = 1L << 50;
    assertEquals(
        List.of(total / 2, total / 2),
        CapacitySplit.split(total, List.of(NONE, NONE), List.of(Long.MAX_VALUE, Long.MAX_VALUE)));
  }

  @Test
  void explicitSizesThatLeaveNothingForTheOthersAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CapacitySplit.split(100, List.of(OptionalLong.of(100), NONE), List.of(0L, 5L)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CapacitySplit.split(
                100, List.of(OptionalLong.of(60), OptionalLong.of(60)), List.of(0L, 0L)));
  }

  @Test
  void aShareThatRoundsToNothingIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CapacitySplit.split(10, List.of(NONE, NONE), List.of(1L, 1000L)));
  }
}
