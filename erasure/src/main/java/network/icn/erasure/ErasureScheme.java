package network.icn.erasure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An erasure scheme as a value: {@code k} data shards, {@code m} parity shards and the chunk size,
 * written {@code rs-k-m-<size>} where size is a number with a {@code k} (KiB) or {@code m} (MiB)
 * suffix, e.g. {@code rs-4-2-256k}.
 *
 * <p>Limits: {@code k >= 1}, {@code m >= 1}, {@code k + m <= 256} (GF(2^8) has 256 evaluation
 * points), and the chunk size is a multiple of {@link #CHUNK_ALIGNMENT} between {@link
 * #MIN_CHUNK_SIZE} and {@link #MAX_CHUNK_SIZE}, so that 4 KiB Merkle leaves never straddle a
 * stripe's padding and SIMD loops see aligned lengths.
 *
 * @param data k, the number of data shards
 * @param parity m, the number of parity shards
 * @param chunkSize bytes of each shard per stripe
 */
public record ErasureScheme(int data, int parity, int chunkSize) {

  public static final int MAX_TOTAL_SHARDS = 256;
  public static final int CHUNK_ALIGNMENT = 4096;
  public static final int MIN_CHUNK_SIZE = 4096;
  public static final int MAX_CHUNK_SIZE = 64 << 20;

  /** The default scheme of the gateway. */
  public static final ErasureScheme DEFAULT = new ErasureScheme(4, 2, 256 << 10);

  private static final Pattern FORMAT =
      Pattern.compile("rs-(\\d{1,4})-(\\d{1,4})-(\\d{1,9})([kKmM])");

  public ErasureScheme {
    if (data < 1) {
      throw invalid("data shards k must be >= 1, got " + data);
    }
    if (parity < 1) {
      throw invalid("parity shards m must be >= 1, got " + parity);
    }
    if (data + parity > MAX_TOTAL_SHARDS) {
      throw invalid(
          "k + m must be <= " + MAX_TOTAL_SHARDS + " over GF(2^8), got " + (data + parity));
    }
    if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw invalid("chunk size must be between 4k and 64m, got " + chunkSize + " bytes");
    }
    if (chunkSize % CHUNK_ALIGNMENT != 0) {
      throw invalid("chunk size must be a multiple of 4k, got " + chunkSize + " bytes");
    }
  }

  /**
   * Parses {@code rs-k-m-<size>}.
   *
   * @throws ErasureException with {@link ErasureError#INVALID_SCHEME} for anything else
   */
  public static ErasureScheme parse(String text) {
    if (text == null) {
      throw invalid("scheme is missing");
    }
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      throw invalid(
          "scheme '" + text + "' is not of the form rs-<k>-<m>-<chunk>k|m, e.g. rs-4-2-256k");
    }
    int data = Integer.parseInt(matcher.group(1));
    int parity = Integer.parseInt(matcher.group(2));
    long amount = Long.parseLong(matcher.group(3));
    long unit = Character.toLowerCase(matcher.group(4).charAt(0)) == 'k' ? 1L << 10 : 1L << 20;
    long chunk = amount * unit;
    if (chunk > MAX_CHUNK_SIZE) {
      throw invalid("chunk size in '" + text + "' is larger than 64m");
    }
    return new ErasureScheme(data, parity, (int) chunk);
  }

  /** k + m. */
  public int totalShards() {
    return data + parity;
  }

  /** Bytes of object data one stripe carries: k chunks. */
  public long stripeDataSize() {
    return (long) data * chunkSize;
  }

  @Override
  public String toString() {
    String size = chunkSize % (1 << 20) == 0 ? (chunkSize >> 20) + "m" : (chunkSize >> 10) + "k";
    return "rs-" + data + "-" + parity + "-" + size;
  }

  private static ErasureException invalid(String message) {
    return new ErasureException(ErasureError.INVALID_SCHEME, message);
  }
}
