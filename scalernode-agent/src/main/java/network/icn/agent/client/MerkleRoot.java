package network.icn.agent.client;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A shard's SHA-256 Merkle root (over 4 KiB leaves) as 64 lowercase hex characters. */
public record MerkleRoot(String hex) {
  private static final Pattern VALID = Pattern.compile("[0-9a-f]{64}");

  public MerkleRoot {
    Objects.requireNonNull(hex, "hex");
    if (!VALID.matcher(hex).matches()) {
      throw new IllegalArgumentException("merkle root must be 64 lowercase hex characters");
    }
  }

  public static MerkleRoot of(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("merkle root must be 32 bytes, got " + digest.length);
    }
    return new MerkleRoot(HexFormat.of().formatHex(digest));
  }

  /** A fresh copy of the 32 root bytes. */
  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
