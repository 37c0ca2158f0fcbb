package network.icn.agent.client;

/**
 * Header names of the shard API. A put declares {@link #CHUNK_SIZE}, {@link #CHUNK_CRC32C} (base64
 * of the big-endian CRC32C of every chunk) and {@link #MERKLE_ROOT} (hex); its Content-Length is
 * the shard size. A chunked put sends only {@link #CHUNK_SIZE} as a header and {@link #SHARD_SIZE},
 * {@link #CHUNK_CRC32C} and {@link #MERKLE_ROOT} as HTTP trailers. A get answers the same three
 * headers for the stored shard.
 */
public final class ShardHeaders {
  public static final String CHUNK_SIZE = "x-icn-chunk-size";
  public static final String CHUNK_CRC32C = "x-icn-chunk-crc32c";
  public static final String MERKLE_ROOT = "x-icn-merkle-root";
  public static final String SHARD_SIZE = "x-icn-shard-size";
  public static final String REQUEST_ID = "x-icn-request-id";

  private ShardHeaders() {}
}
