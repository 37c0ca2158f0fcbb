package network.icn.erasure.gf;

import java.util.Optional;

/**
 * Chooses a kernel. The Vector API kernel is used when the {@code jdk.incubator.vector} module is
 * present and the preferred species is at least 128 bits wide; otherwise the scalar kernel.
 */
public final class Kernels {

  private Kernels() {}

  /** The scalar reference kernel. */
  public static GfKernel scalar() {
    return ScalarKernel.instance();
  }

  /** The Vector API kernel, or empty if it cannot run on this JVM / CPU. */
  public static Optional<GfKernel> vector() {
    return Optional.empty();
  }

  /** Why {@link #vector()} is empty, for error messages; empty when the vector kernel works. */
  public static String vectorUnavailableReason() {
    return "the Vector API kernel is not built yet";
  }

  /** The fastest kernel available here. */
  public static GfKernel best() {
    return vector().orElse(scalar());
  }
}
