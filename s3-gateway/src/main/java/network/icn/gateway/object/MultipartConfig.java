package network.icn.gateway.object;

/**
 * Multipart tuning.
 *
 * @param minPartSize every part but the last must be at least this large (S3: 5 MiB; tests use
 *     less); checked at completion ({@code EntityTooSmall})
 * @param maxPartSize the largest part accepted (S3: 5 GiB)
 */
public record MultipartConfig(long minPartSize, long maxPartSize) {
  public static final long S3_MIN_PART_SIZE = 5L << 20;
  public static final long S3_MAX_PART_SIZE = 5L << 30;

  public MultipartConfig {
    if (minPartSize < 0 || maxPartSize < 1 || minPartSize > maxPartSize) {
      throw new IllegalArgumentException(
          "need 0 <= minPartSize <= maxPartSize, got " + minPartSize + ", " + maxPartSize);
    }
  }

  /** S3's limits: 5 MiB .. 5 GiB. */
  public static MultipartConfig defaults() {
    return new MultipartConfig(S3_MIN_PART_SIZE, S3_MAX_PART_SIZE);
  }

  public MultipartConfig withMinPartSize(long bytes) {
    return new MultipartConfig(bytes, maxPartSize);
  }
}
