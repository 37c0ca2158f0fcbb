package network.icn.erasure.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** An immutable 32-byte SHA-256 value: a Merkle root, a sibling hash in a proof, a leaf hash. */
public final class Sha256Hash {

  /** Bytes in a SHA-256 hash. */
  public static final int LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Sha256Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A hash from 32 bytes (copied). */
  public static Sha256Hash of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return copyOf(bytes, 0, bytes.length);
  }

  /** A hash from {@code bytes[offset, offset + length)} (copied); {@code length} must be 32. */
  public static Sha256Hash copyOf(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length != LENGTH) {
      throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, got " + length);
    }
    return new Sha256Hash(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
  }

  /** Parses 64 hex digits (either case). */
  public static Sha256Hash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          "a SHA-256 hash has 64 hex digits, got " + hex.length() + " characters");
    }
    return new Sha256Hash(HEX.parseHex(hex));
  }

  /** A fresh copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Copies the 32 bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, LENGTH);
  }

  /** Whether this hash equals {@code other[offset, offset + 32)}; no allocation. */
  boolean equalsBytes(byte[] other, int offset) {
    return Arrays.equals(bytes, 0, LENGTH, other, offset, offset + LENGTH);
  }

  /** 64 lower-case hex digits. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256Hash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
