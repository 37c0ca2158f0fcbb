package network.icn.erasure.gf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * One segment over all native memory, so that the direct-buffer loops access every shard through
 * the same loop-invariant segment ({@link VectorAddressLoops}) instead of one segment per shard,
 * whose class, bounds and liveness C2 re-checks on every load.
 *
 * <p>Safety argument. {@link #ALL} has no bounds and no liveness of its own, so the codec must only
 * touch memory that is valid for the whole call:
 *
 * <ul>
 *   <li><b>Ranges.</b> The facade validates every shard's capacity against {@code offset + length}
 *       before the kernel runs (ShardChecks); the loops access exactly {@code address + [offset,
 *       offset + length)} of each buffer, including the overlapping last step and the scalar tail.
 *   <li><b>Lifetime.</b> Only buffers whose memory cannot be freed while they are reachable
 *       qualify: those whose segment scope is the one of a plain {@link ByteBuffer#allocateDirect}
 *       buffer or of the global arena (probed once below). Buffers backed by a confined, shared or
 *       automatic {@link Arena} can be closed by another thread during the call and take the
 *       checked path. The caller's buffers are kept reachable until the loops return with {@link
 *       java.lang.ref.Reference#reachabilityFence}.
 *   <li><b>Permission.</b> {@link MemorySegment#reinterpret(long)} is a restricted method. It is
 *       used only when this module has native access ({@code --enable-native-access=ALL-UNNAMED} or
 *       the module's name); otherwise {@link #ALL} is null and direct buffers take the checked
 *       path, without a warning.
 * </ul>
 */
final class NativeMemory {

  /** All of native memory, or null when this module may not use restricted methods. */
  static final MemorySegment ALL;

  private static final Class<?> DIRECT_SCOPE;
  private static final Class<?> GLOBAL_SCOPE = Arena.global().scope().getClass();

  static {
    Class<?> directScope;
    try {
      directScope = MemorySegment.ofBuffer(ByteBuffer.allocateDirect(1)).scope().getClass();
    } catch (OutOfMemoryError e) {
      // No direct memory left for the 1-byte probe: use the checked path for good.
      directScope = null;
    }
    DIRECT_SCOPE = directScope;
    ALL =
        directScope != null && NativeMemory.class.getModule().isNativeAccessEnabled()
            ? MemorySegment.NULL.reinterpret(Long.MAX_VALUE)
            : null;
  }

  private NativeMemory() {}

  /**
   * The absolute address of byte 0 of each buffer, or null if any buffer does not qualify (heap,
   * arena-backed, read-only when {@code writable}, or no native access).
   */
  static long[] addresses(ByteBuffer[] buffers, boolean writable) {
    if (ALL == null) {
      return null;
    }
    long[] out = new long[buffers.length];
    for (int i = 0; i < buffers.length; i++) {
      ByteBuffer b = buffers[i];
      if (!b.isDirect() || (writable && b.isReadOnly())) {
        return null;
      }
      MemorySegment s = MemorySegment.ofBuffer(b);
      Class<?> scope = s.scope().getClass();
      if (scope != DIRECT_SCOPE && scope != GLOBAL_SCOPE) {
        return null;
      }
      out[i] = s.address();
    }
    return out;
  }
}
