package network.icn.placement.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical encoding of a signed message: a versioned header line, then every field as {@code
 * <decimal byte length>:<UTF-8 bytes>\n}. Length prefixes make the encoding unambiguous whatever
 * the fields contain.
 */
final class SigningBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  SigningBytes(String header) {
    byte[] bytes = (header + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }

  SigningBytes field(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = (bytes.length + ":").getBytes(StandardCharsets.US_ASCII);
    out.write(prefix, 0, prefix.length);
    out.write(bytes, 0, bytes.length);
    out.write('\n');
    return this;
  }

  SigningBytes field(long value) {
    return field(Long.toString(value));
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
