package network.icn.gateway.s3;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code x-amz-meta-*} values and non-ASCII text. S3 stores such values as Unicode and returns them
 * RFC 2047-encoded ({@code =?UTF-8?B?…?=}) so that response headers stay US-ASCII. On the way in, a
 * value made only of RFC 2047 encoded-words that decodes to non-ASCII text is stored decoded, and
 * raw UTF-8 bytes in a header (seen as ISO-8859-1 characters) are read as UTF-8.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html">User-defined
 *     object metadata</a>
 */
final class UserMetadataValues {
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern ONLY_ENCODED_WORDS =
      Pattern.compile("\\s*(?:" + ENCODED_WORD.pattern() + "\\s*)+");

  private UserMetadataValues() {}

  /** The value to store for a request header value. */
  static String fromHeader(String value) {
    String text = rawUtf8(value);
    if (ONLY_ENCODED_WORDS.matcher(text).matches()) {
      String decoded = decodeWords(text);
      if (decoded != null && !isPrintableAscii(decoded)) {
        return decoded;
      }
    }
    return text;
  }

  /** The response header value for a stored value: itself, or one UTF-8 B encoded-word. */
  static String toHeader(String stored) {
    if (isPrintableAscii(stored)) {
      return stored;
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(stored.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  static boolean isPrintableAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /** Header characters 0x80..0xFF are raw bytes; if they form valid UTF-8, that is the text. */
  private static String rawUtf8(String value) {
    boolean high = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xff) {
        return value;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return value;
    }
    String utf8 = strictDecode(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return utf8 == null ? value : utf8;
  }

  /** Concatenates the decoded words (whitespace between words is dropped), or null if invalid. */
  private static String decodeWords(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = ENCODED_WORD.matcher(text);
    while (m.find()) {
      Charset charset;
      try {
        charset = Charset.forName(m.group(1).split("\\*", 2)[0]);
      } catch (IllegalArgumentException e) {
        return null;
      }
      byte[] bytes;
      try {
        bytes =
            m.group(2).equalsIgnoreCase("B")
                ? Base64.getDecoder().decode(m.group(3))
                : quotedPrintable(m.group(3));
      } catch (IllegalArgumentException e) {
        return null;
      }
      String word = strictDecode(bytes, charset);
      if (word == null) {
        return null;
      }
      out.append(word);
    }
    return out.toString();
  }

  private static byte[] quotedPrintable(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=') {
        if (i + 2 >= text.length()) {
          throw new IllegalArgumentException("truncated escape");
        }
        out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static String strictDecode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
