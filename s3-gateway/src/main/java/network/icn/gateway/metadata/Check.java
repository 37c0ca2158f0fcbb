package network.icn.gateway.metadata;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validation helpers shared by the records; every failure is {@link MetadataError#INVALID_RECORD}.
 */
final class Check {
  /** S3 limits an object key to 1024 bytes of UTF-8. */
  static final int MAX_KEY_BYTES = 1024;

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private Check() {}

  static MetadataException invalid(String message) {
    return new MetadataException(MetadataError.INVALID_RECORD, message);
  }

  static <T> T present(T value, String name) {
    if (value == null) {
      throw invalid(name + " is missing");
    }
    return value;
  }

  static String text(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw invalid(name + " is missing");
    }
    return value;
  }

  /** Non-empty, valid UTF-8 (no lone surrogates) and free of NUL, which separates key parts. */
  static String keyPart(String value, String name) {
    text(value, name);
    if (value.indexOf('\0') >= 0) {
      throw invalid(name + " must not contain NUL");
    }
    utf8(value, name);
    return value;
  }

  static String bucketName(String name) {
    if (name == null || !BUCKET.matcher(name).matches() || name.contains("..")) {
      throw invalid("bucket name '" + name + "' is not a valid S3 bucket name");
    }
    return name;
  }

  static String objectKey(String key) {
    keyPart(key, "object key");
    if (utf8(key, "object key").length > MAX_KEY_BYTES) {
      throw invalid("object key is longer than " + MAX_KEY_BYTES + " bytes of UTF-8");
    }
    return key;
  }

  /** A listing prefix or delimiter: may be empty, never NUL or lone surrogates. */
  static String optionalKeyPart(String value, String name) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return keyPart(value, name);
  }

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw invalid(name + " must be >= 0, got " + value);
    }
    return value;
  }

  static int partNumber(int value) {
    if (value < 1 || value > 10_000) {
      throw invalid("part number must be between 1 and 10000, got " + value);
    }
    return value;
  }

  /** Strict UTF-8: a string with a lone surrogate would otherwise be stored as '?'. */
  static byte[] utf8(String value, String name) {
    try {
      ByteBuffer out =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[out.remaining()];
      out.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw invalid(name + " is not valid Unicode (lone surrogate)");
    }
  }

  /** An immutable copy sorted by key, so that encodings are deterministic. */
  static Map<String, String> sortedMap(Map<String, String> map, String name) {
    present(map, name);
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          text(k, name + " key");
          present(v, name + " value for '" + k + "'");
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
