package network.icn.conformance.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import network.icn.conformance.Clients.Checksums;

/**
 * One client configuration a suite runs under: the SDK client (sync or async), its checksum setting
 * and its addressing style.
 *
 * <p>{@link #all()} is the full 2 × 2 × 2 product, for cheap operations. {@link #pairwise()} is
 * four of the eight (an orthogonal array): every pair of factor values still occurs once, so an
 * interaction of any two factors (async with virtual hosts, say) is covered at half the cost.
 *
 * @param async the {@code S3AsyncClient} (Netty) instead of the {@code S3Client} (Apache)
 * @param checksums the SDK's request checksum calculation and response validation setting
 * @param pathStyle path style ({@code host/bucket/key}) instead of virtual-hosted style
 */
record Mode(boolean async, Checksums checksums, boolean pathStyle) {
  /** The eight combinations. */
  static Stream<Mode> all() {
    List<Mode> modes = new ArrayList<>();
    for (boolean async : new boolean[] {false, true}) {
      for (Checksums c : Checksums.values()) {
        for (boolean pathStyle : new boolean[] {true, false}) {
          modes.add(new Mode(async, c, pathStyle));
        }
      }
    }
    return modes.stream();
  }

  /** Four combinations covering every pair of factor values. */
  static Stream<Mode> pairwise() {
    return Stream.of(
        new Mode(false, Checksums.WHEN_SUPPORTED, true),
        new Mode(false, Checksums.WHEN_REQUIRED, false),
        new Mode(true, Checksums.WHEN_SUPPORTED, false),
        new Mode(true, Checksums.WHEN_REQUIRED, true));
  }

  /** Sync and async, SDK defaults otherwise (path style, WHEN_SUPPORTED). */
  static Stream<Mode> clients() {
    return Stream.of(
        new Mode(false, Checksums.WHEN_SUPPORTED, true),
        new Mode(true, Checksums.WHEN_SUPPORTED, true));
  }

  /** A short name usable in keys: {@code sync-supported-path}, {@code async-required-vhost}. */
  String id() {
    return (async ? "async" : "sync")
        + (checksums == Checksums.WHEN_SUPPORTED ? "-supported" : "-required")
        + (pathStyle ? "-path" : "-vhost");
  }

  @Override
  public String toString() {
    return (async ? "async" : "sync")
        + ", "
        + checksums
        + ", "
        + (pathStyle ? "path style" : "virtual host");
  }
}
