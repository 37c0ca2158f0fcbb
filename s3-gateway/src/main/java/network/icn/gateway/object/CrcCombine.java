package network.icn.gateway.object;

import network.icn.gateway.checksum.ChecksumAlgorithm;

/**
 * Combines the CRCs of two byte strings into the CRC of their concatenation without the bytes:
 * {@code crc(A ‖ B) = crc(A) · x^(8·|B|) mod P xor crc(B)}, which holds for reflected CRCs whose
 * initial value equals their final XOR (CRC32, CRC32C and CRC64NVME: all ones). Polynomials are in
 * the reflected representation, where the most significant bit of a {@code width}-bit value is the
 * coefficient of x^0. Used for the full-object checksum of a multipart upload.
 */
final class CrcCombine {
  private final int width;
  private final long poly;
  private final long top;
  private final long mask;

  private CrcCombine(int width, long reflectedPoly) {
    this.width = width;
    this.poly = reflectedPoly;
    this.top = 1L << (width - 1);
    this.mask = width == 64 ? -1L : (1L << width) - 1;
  }

  static final CrcCombine CRC32 = new CrcCombine(32, 0xEDB88320L);
  static final CrcCombine CRC32C = new CrcCombine(32, 0x82F63B78L);
  static final CrcCombine CRC64NVME = new CrcCombine(64, 0x9A6C9329AC4BC9B5L);

  /** The combiner of a CRC algorithm; {@code null} for the digests. */
  static CrcCombine of(ChecksumAlgorithm algorithm) {
    return switch (algorithm) {
      case CRC32 -> CRC32;
      case CRC32C -> CRC32C;
      case CRC64NVME -> CRC64NVME;
      case SHA1, SHA256 -> null;
    };
  }

  int width() {
    return width;
  }

  /** The CRC of {@code A ‖ B} from {@code crc(A)}, {@code crc(B)} and {@code |B|}. */
  long combine(long crcA, long crcB, long lengthB) {
    if (lengthB == 0) {
      return crcA & mask;
    }
    return (multiply(xPow8n(lengthB), crcA & mask) ^ crcB) & mask;
  }

  /** a · b mod P. */
  private long multiply(long a, long b) {
    long product = 0;
    long m = top;
    while (m != 0) {
      if ((a & m) != 0) {
        product ^= b;
        if ((a & (m - 1)) == 0) {
          break;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ poly : b >>> 1;
    }
    return product & mask;
  }

  /** x^(8·n) mod P by square-and-multiply over the bits of n. */
  private long xPow8n(long n) {
    long result = top; // x^0
    long square = multiply(top >>> 1, top >>> 1); // x^2
    square = multiply(square, square); // x^4
    square = multiply(square, square); // x^8
    while (n != 0) {
      if ((n & 1) != 0) {
        result = multiply(square, result);
      }
      n >>>= 1;
      square = multiply(square, square);
    }
    return result;
  }
}
