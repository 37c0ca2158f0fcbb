package network.icn.gateway.metadata;

import java.util.Map;

/**
 * The S3 additional checksums of an object or part: algorithm name (e.g. {@code CRC32C}, {@code
 * SHA256}) → base64 value exactly as S3 returns it (a composite value keeps its {@code -N} suffix).
 *
 * @param values algorithm → base64 value, sorted by algorithm
 * @param type full-object or composite
 */
public record Checksums(Map<String, String> values, ChecksumType type) {
  /** No additional checksum. */
  public static final Checksums NONE = new Checksums(Map.of(), ChecksumType.FULL_OBJECT);

  public Checksums {
    values = Check.sortedMap(values, "checksums");
    Check.present(type, "checksum type");
  }

  public static Checksums fullObject(String algorithm, String base64) {
    return new Checksums(Map.of(algorithm, base64), ChecksumType.FULL_OBJECT);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
