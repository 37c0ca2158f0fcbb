package network.icn.erasure.gf;

import java.util.Optional;

/**
 * Chooses a kernel. The Vector API kernel is used when the {@code jdk.incubator.vector} module is
 * present and the preferred species is at least 128 bits wide; otherwise the scalar kernel. Setting
 * the system property {@value #DISABLE_PROPERTY} to {@code true} makes {@link #best()} pick scalar
 * (an operational escape hatch; {@link #vector()} is unaffected).
 */
public final class Kernels {

  /** System property that makes {@link #best()} choose the scalar kernel. */
  public static final String DISABLE_PROPERTY = "network.icn.erasure.disableVector";

  private Kernels() {}

  /** The scalar reference kernel. */
  public static GfKernel scalar() {
    return ScalarKernel.instance();
  }

  /** The Vector API kernel, or empty if it cannot run on this JVM / CPU. */
  public static Optional<GfKernel> vector() {
    return Optional.ofNullable(Probe.VECTOR);
  }

  /** Why {@link #vector()} is empty, for error messages; empty string when it is usable. */
  public static String vectorUnavailableReason() {
    return Probe.REASON;
  }

  /** The fastest kernel available here. */
  public static GfKernel best() {
    if (Boolean.getBoolean(DISABLE_PROPERTY)) {
      return scalar();
    }
    return vector().orElse(scalar());
  }

  /** Loads the vector kernel once; a missing incubator module surfaces as a LinkageError. */
  private static final class Probe {
    private static final GfKernel VECTOR;
    private static final String REASON;

    static {
      GfKernel kernel = null;
      String reason;
      try {
        kernel = VectorKernel.instance();
        reason = "";
      } catch (LinkageError e) {
        reason =
            "module jdk.incubator.vector is not available (run with"
                + " --add-modules=jdk.incubator.vector): "
                + e;
      } catch (UnsupportedOperationException e) {
        reason = e.getMessage();
      }
      VECTOR = kernel;
      REASON = reason;
    }

    private Probe() {}
  }
}
