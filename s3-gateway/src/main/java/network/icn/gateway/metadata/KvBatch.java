package network.icn.gateway.metadata;

import java.util.ArrayList;
import java.util.List;

/** Puts and deletes that an engine applies atomically, in order. */
final class KvBatch {
  /** One operation; a {@code null} value is a delete. */
  record Op(KvColumn column, byte[] key, byte[] value) {}

  private final List<Op> ops = new ArrayList<>();

  KvBatch put(KvColumn column, byte[] key, byte[] value) {
    ops.add(new Op(column, key, value));
    return this;
  }

  KvBatch delete(KvColumn column, byte[] key) {
    ops.add(new Op(column, key, null));
    return this;
  }

  List<Op> ops() {
    return List.copyOf(ops);
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }
}
