package network.icn.gateway.metadata;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import network.icn.erasure.ErasureScheme;

/**
 * Where an object's bytes are: either inline in the record (small objects) or erasure-coded
 * segments, recorded at write time and never recomputed.
 *
 * @param scheme the erasure scheme of every segment
 * @param inlineData the whole object when stored inline, else {@code null} (copied in and out)
 * @param segments the segments in object order (empty when inline)
 * @param parts for a completed multipart upload the part boundaries in order, else empty
 */
public record ObjectLayout(
    ErasureScheme scheme,
    byte[] inlineData,
    List<SegmentRecord> segments,
    List<PartBoundary> parts) {
  public ObjectLayout {
    Check.present(scheme, "scheme");
    inlineData = inlineData == null ? null : inlineData.clone();
    segments = List.copyOf(Check.present(segments, "segments"));
    parts = List.copyOf(Check.present(parts, "parts"));
    if (inlineData != null && !segments.isEmpty()) {
      throw Check.invalid("a layout is either inline or segmented, not both");
    }
    for (SegmentRecord segment : segments) {
      for (ShardRecord shard : segment.shards()) {
        if (shard.shardIndex() >= scheme.totalShards()) {
          throw Check.invalid(
              "shard index " + shard.shardIndex() + " is out of range for " + scheme);
        }
      }
    }
    long dataLength =
        inlineData != null
            ? inlineData.length
            : segments.stream().mapToLong(SegmentRecord::dataLength).sum();
    if (!parts.isEmpty()) {
      long partTotal = 0;
      int previous = 0;
      for (PartBoundary part : parts) {
        if (part.partNumber() <= previous) {
          throw Check.invalid("part numbers must be ascending");
        }
        previous = part.partNumber();
        partTotal += part.size();
      }
      if (partTotal != dataLength) {
        throw Check.invalid(
            "part sizes add up to " + partTotal + " but the layout holds " + dataLength);
      }
    }
  }

  /** An inline layout for a small object. */
  public static ObjectLayout inline(ErasureScheme scheme, byte[] data) {
    return new ObjectLayout(scheme, Objects.requireNonNull(data, "data"), List.of(), List.of());
  }

  /** A segmented layout for a single-part object. */
  public static ObjectLayout segmented(ErasureScheme scheme, List<SegmentRecord> segments) {
    return new ObjectLayout(scheme, null, segments, List.of());
  }

  @Override
  public byte[] inlineData() {
    return inlineData == null ? null : inlineData.clone();
  }

  public boolean isInline() {
    return inlineData != null;
  }

  /** Bytes of object data the layout holds. */
  public long dataLength() {
    return inlineData != null
        ? inlineData.length
        : segments.stream().mapToLong(SegmentRecord::dataLength).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectLayout that
        && scheme.equals(that.scheme)
        && Arrays.equals(inlineData, that.inlineData)
        && segments.equals(that.segments)
        && parts.equals(that.parts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, Arrays.hashCode(inlineData), segments, parts);
  }

  @Override
  public String toString() {
    return "ObjectLayout["
        + scheme
        + (inlineData != null ? ", inline " + inlineData.length + " bytes" : "")
        + ", segments="
        + segments
        + ", parts="
        + parts
        + "]";
  }
}
