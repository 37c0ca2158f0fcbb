package network.icn.gateway.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percent-decoding of paths and queries (strict UTF-8) and S3's {@code encoding-type=url}. */
final class UriCodec {
  private UriCodec() {}

  /** Decodes {@code %XX} escapes (and {@code +} as space when {@code plusIsSpace}) as UTF-8. */
  static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw invalid(raw);
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw invalid(raw);
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(raw);
    }
  }

  /** Query parameters, decoded; the first value of a repeated name wins; no {@code =} → "". */
  static Map<String, String> queryParams(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String piece : rawQuery.split("&", -1)) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      String name = decode(eq < 0 ? piece : piece.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(piece.substring(eq + 1), true);
      params.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(params);
  }

  /**
   * URL-encodes a key or prefix for {@code encoding-type=url}: UTF-8 bytes, unreserved characters
   * and {@code /} kept, everything else {@code %XX}.
   */
  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static S3Exception invalid(String raw) {
    return new S3Exception(S3Error.INVALID_URI, "Couldn't parse the specified URI: " + raw);
  }
}
