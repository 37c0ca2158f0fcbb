package network.icn.gateway.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds the SigV4 canonical request the S3 way: the path is decoded and re-encoded once per
 * segment (never double-encoded, never normalized), the query is sorted by encoded name then value,
 * header values are trimmed with inner whitespace runs collapsed.
 *
 * <p>Decoding works on bytes, so keys that are not valid UTF-8 after decoding still canonicalize to
 * exactly what the client encoded.
 */
public final class Canonicalizer {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private Canonicalizer() {}

  /**
   * The canonical request.
   *
   * @param dropSignatureParam true for presigned URLs: {@code X-Amz-Signature} is not signed
   */
  public static String canonicalRequest(
      SignableRequest request,
      List<String> signedHeaders,
      String payloadHash,
      boolean dropSignatureParam) {
    StringBuilder out = new StringBuilder(256);
    out.append(request.method()).append('\n');
    out.append(canonicalUri(request.rawPath())).append('\n');
    out.append(canonicalQuery(request.rawQuery(), dropSignatureParam)).append('\n');
    for (String name : signedHeaders) {
      out.append(name).append(':').append(canonicalHeaderValue(request.headers().all(name)));
      out.append('\n');
    }
    out.append('\n');
    out.append(String.join(";", signedHeaders)).append('\n');
    out.append(payloadHash);
    return out.toString();
  }

  /**
   * Each {@code /}-separated segment of the raw path percent-decoded, then URI-encoded per RFC 3986
   * (everything but {@code A-Z a-z 0-9 - . _ ~}); the slashes between segments are kept, empty
   * segments and dot segments stay as they are. An encoded slash ({@code %2F}) stays encoded (the
   * verifier also tries the path with it decoded: {@link #encodedSlashesDecoded}).
   */
  public static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder(rawPath.length() + 16);
    int start = 0;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      String segment = slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash);
      encodeTo(out, percentDecode(segment, false, "path"));
      if (slash < 0) {
        return out.toString();
      }
      out.append('/');
      start = slash + 1;
    }
  }

  /** True when the raw path holds an encoded slash ({@code %2F}, either case). */
  static boolean hasEncodedSlash(String rawPath) {
    return rawPath.contains("%2F") || rawPath.contains("%2f");
  }

  /**
   * The raw path with every encoded slash turned into a plain one: the path a client signed when
   * its HTTP layer escaped the second slash of {@code //} after signing (aws-sdk-java-v2 over
   * Apache HttpClient sends {@code a/%2Fb} for the key {@code a//b}).
   */
  static String encodedSlashesDecoded(String rawPath) {
    return rawPath.replace("%2F", "/").replace("%2f", "/");
  }

  /**
   * The query parameters, each name and value decoded and re-encoded, sorted by encoded name then
   * encoded value; repeated parameters are all kept, a parameter without {@code =} has an empty
   * value.
   */
  public static String canonicalQuery(String rawQuery, boolean dropSignatureParam) {
    List<Map.Entry<String, String>> encoded = new ArrayList<>();
    for (RawParam param : rawParams(rawQuery)) {
      if (dropSignatureParam && param.name().equals("X-Amz-Signature")) {
        continue;
      }
      encoded.add(Map.entry(encode(param.nameBytes()), encode(param.valueBytes())));
    }
    encoded.sort(
        Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
            .thenComparing(Map.Entry::getValue));
    StringBuilder out = new StringBuilder(rawQuery.length() + 16);
    for (Map.Entry<String, String> e : encoded) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(e.getKey()).append('=').append(e.getValue());
    }
    return out.toString();
  }

  /** The decoded query parameters in order (for reading the presigned {@code X-Amz-*} ones). */
  static List<Map.Entry<String, String>> queryParams(String rawQuery) {
    return rawParams(rawQuery).stream()
        .map(p -> Map.entry(p.name(), new String(p.valueBytes(), StandardCharsets.UTF_8)))
        .toList();
  }

  /**
   * The values of one header joined by {@code ,}, each trimmed and with runs of spaces and tabs
   * collapsed to one space.
   */
  static String canonicalHeaderValue(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = values.get(i).strip();
      boolean inSpace = false;
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        if (ch == ' ' || ch == '\t') {
          if (!inSpace) {
            out.append(' ');
          }
          inSpace = true;
        } else {
          out.append(ch);
          inSpace = false;
        }
      }
    }
    return out.toString();
  }

  /** RFC 3986 encoding of UTF-8 text, as the signer does for names and values. */
  public static String encode(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 8);
    encodeTo(out, bytes);
    return out.toString();
  }

  private static void encodeTo(StringBuilder out, byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
      }
    }
  }

  /**
   * Percent-decodes to bytes. Characters outside ASCII (a front end that already decoded) are taken
   * as UTF-8. In queries {@code +} is a space, as S3 reads it.
   */
  static byte[] percentDecode(String text, boolean plusIsSpace, String where) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '%') {
        if (i + 2 >= text.length()) {
          throw AuthException.of(
              AuthError.INVALID_URI,
              "Couldn't parse the specified URI: truncated escape in " + where);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw AuthException.of(
              AuthError.INVALID_URI, "Couldn't parse the specified URI: bad escape in " + where);
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else if (ch == '+' && plusIsSpace) {
        out.write(' ');
      } else if (ch < 0x80) {
        out.write(ch);
      } else {
        int end = Character.isHighSurrogate(ch) && i + 1 < text.length() ? i + 2 : i + 1;
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return out.toByteArray();
  }

  private static List<RawParam> rawParams(String rawQuery) {
    List<RawParam> params = new ArrayList<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String part : rawQuery.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String rawName = eq < 0 ? part : part.substring(0, eq);
      String rawValue = eq < 0 ? "" : part.substring(eq + 1);
      params.add(
          new RawParam(
              percentDecode(rawName, true, "query"), percentDecode(rawValue, true, "query")));
    }
    return params;
  }

  private record RawParam(byte[] nameBytes, byte[] valueBytes) {
    String name() {
      return new String(nameBytes, StandardCharsets.UTF_8);
    }
  }
}
