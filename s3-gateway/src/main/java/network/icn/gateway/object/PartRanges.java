package network.icn.gateway.object;

import network.icn.gateway.metadata.ObjectRecord;
import network.icn.gateway.metadata.PartBoundary;

/**
 * Where part {@code n} of an object lies, for GET/HEAD with {@code partNumber}: the offset is the
 * sum of the recorded sizes of the parts before it. An object that was not uploaded in parts has
 * one part, the whole object, as in S3.
 */
public final class PartRanges {
  private PartRanges() {}

  /** The number of parts S3 reports ({@code x-amz-mp-parts-count}); 1 for a single-part object. */
  public static int count(ObjectRecord record) {
    return Math.max(1, record.layout().parts().size());
  }

  /**
   * @throws ObjectException INVALID_PART_NUMBER when the object has no such part
   */
  public static ByteRange.Resolved resolve(ObjectRecord record, int partNumber) {
    if (record.layout().parts().isEmpty()) {
      if (partNumber != 1) {
        throw invalid(record, partNumber);
      }
      return new ByteRange.Resolved(0, record.size());
    }
    if (partNumber < 1 || partNumber > record.layout().parts().size()) {
      throw invalid(record, partNumber);
    }
    long offset = 0;
    for (PartBoundary part : record.layout().parts().subList(0, partNumber - 1)) {
      offset += part.size();
    }
    return new ByteRange.Resolved(offset, record.layout().parts().get(partNumber - 1).size());
  }

  private static ObjectException invalid(ObjectRecord record, int partNumber) {
    return new ObjectException(
        ObjectError.INVALID_PART_NUMBER,
        "object " + record.key() + " has no part " + partNumber + " (" + count(record) + " parts)");
  }
}
