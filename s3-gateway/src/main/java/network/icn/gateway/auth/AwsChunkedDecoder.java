package network.icn.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An incremental aws-chunked decoder. The wire format is
 *
 * <pre>
 * hex-size[;chunk-signature=sig]\r\n data \r\n   (repeated)
 * 0[;chunk-signature=sig]\r\n
 * [trailer-name:value\r\n ... [x-amz-trailer-signature:sig\r\n]]
 * \r\n
 * </pre>
 *
 * Slices may split anywhere, inside a chunk header or a CRLF included. Chunk signatures are chained
 * from the seed signature and checked as each chunk completes; the trailer signature covers the
 * trailers as {@code name:value\n} lines. Header and trailer lines are bounded ({@value #MAX_LINE}
 * bytes, {@value #MAX_TRAILERS} trailers) and no chunk may run past {@code
 * x-amz-decoded-content-length}, so a hostile body cannot make the decoder buffer. Only the chunk
 * data reaches the sink.
 */
public final class AwsChunkedDecoder implements BodyDecoder {
  static final int MAX_LINE = 4096;
  static final int MAX_TRAILERS = 16;
  private static final byte[] EMPTY_SHA256 = HexFormat.of().parseHex(Hashing.EMPTY_SHA256);

  private enum State {
    CHUNK_HEADER,
    DATA,
    DATA_CR,
    DATA_LF,
    FINAL_CRLF,
    TRAILER,
    DONE
  }

  private final SignatureChain chain;
  private final boolean signedTrailer;
  private final Set<String> announcedTrailers;
  private final long declaredLength;
  private final BodyChecks.Running checks;
  private final Consumer<ByteBuffer> sink;

  private State state = State.CHUNK_HEADER;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private long chunkRemaining;
  private String chunkSignature;
  private final MessageDigest chunkSha256;
  private long decoded;
  private final Map<String, String> trailers = new LinkedHashMap<>();
  private final StringBuilder canonicalTrailer = new StringBuilder();
  private String trailerSignature;
  private boolean finished;
  private AuthException failure;

  /**
   * @param chain the signature chain for signed chunks, or null for unsigned chunks
   * @param signedTrailer whether the trailer carries {@code x-amz-trailer-signature}
   * @param announcedTrailers the lowercased trailer names from {@code x-amz-trailer}; empty when
   *     the mode has no trailer
   * @param declaredLength {@code x-amz-decoded-content-length}
   */
  AwsChunkedDecoder(
      SignatureChain chain,
      boolean signedTrailer,
      Set<String> announcedTrailers,
      long declaredLength,
      BodyChecks.Running checks,
      Consumer<ByteBuffer> sink) {
    this.chain = chain;
    this.signedTrailer = signedTrailer;
    this.announcedTrailers = Set.copyOf(announcedTrailers);
    this.declaredLength = declaredLength;
    this.checks = checks;
    this.sink = sink;
    this.chunkSha256 = chain == null ? null : Hashing.sha256();
  }

  @Override
  public void feed(ByteBuffer wire) {
    rethrow();
    if (finished) {
      throw new IllegalStateException("body already finished");
    }
    try {
      while (wire.hasRemaining()) {
        switch (state) {
          case CHUNK_HEADER, FINAL_CRLF, TRAILER -> {
            String text = readLine(wire);
            if (text != null) {
              onLine(text);
            }
          }
          case DATA -> onData(wire);
          case DATA_CR -> expect(wire, '\r', State.DATA_LF);
          case DATA_LF -> expect(wire, '\n', State.CHUNK_HEADER);
          case DONE -> throw malformed("unexpected bytes after the end of the aws-chunked body");
        }
      }
    } catch (AuthException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void finish() {
    rethrow();
    if (finished) {
      return;
    }
    try {
      if (state != State.DONE) {
        throw AuthException.of(
            AuthError.INCOMPLETE_BODY,
            "The request body ended inside the aws-chunked encoding (" + describe() + ").");
      }
      if (decoded != declaredLength) {
        throw AuthException.of(
            AuthError.INCOMPLETE_BODY,
            "The decoded body has "
                + decoded
                + " bytes, x-amz-decoded-content-length declares "
                + declaredLength
                + ".");
      }
      checks.finish(trailers);
      finished = true;
    } catch (AuthException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public long decodedLength() {
    return decoded;
  }

  @Override
  public Map<String, String> trailers() {
    return Collections.unmodifiableMap(trailers);
  }

  @Override
  public Optional<VerifiedChecksum> checksum() {
    return checks.verified();
  }

  private String describe() {
    return switch (state) {
      case CHUNK_HEADER -> "in a chunk header";
      case DATA -> chunkRemaining + " bytes of the current chunk missing";
      case DATA_CR, DATA_LF -> "after chunk data, before its CRLF";
      case FINAL_CRLF -> "after the final chunk";
      case TRAILER -> "in the trailer";
      case DONE -> "complete";
    };
  }

  /** Returns a complete line without its CRLF, or null once {@code wire} is exhausted. */
  private String readLine(ByteBuffer wire) {
    while (wire.hasRemaining()) {
      byte b = wire.get();
      if (b == '\n') {
        if (lineLength == 0 || line[lineLength - 1] != '\r') {
          throw malformed("an aws-chunked line is not terminated by CRLF");
        }
        String text = new String(line, 0, lineLength - 1, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        return text;
      }
      if (lineLength == MAX_LINE) {
        throw malformed("an aws-chunked header or trailer line is longer than " + MAX_LINE);
      }
      line[lineLength++] = b;
    }
    return null;
  }

  private void onLine(String text) {
    switch (state) {
      case CHUNK_HEADER -> onChunkHeader(text);
      case FINAL_CRLF -> {
        if (!text.isEmpty()) {
          throw malformed("expected the end of the body after the final chunk");
        }
        state = State.DONE;
      }
      case TRAILER -> onTrailerLine(text);
      case DATA, DATA_CR, DATA_LF, DONE -> throw new IllegalStateException(state.name());
    }
  }

  private void onChunkHeader(String text) {
    int semicolon = text.indexOf(';');
    String sizeHex = semicolon < 0 ? text : text.substring(0, semicolon);
    if (sizeHex.isEmpty()
        || sizeHex.length() > 16
        || !sizeHex.chars().allMatch(HexFormat::isHexDigit)) {
      throw malformed("invalid aws-chunked chunk size \"" + abbreviate(sizeHex) + "\"");
    }
    long size = Long.parseUnsignedLong(sizeHex, 16);
    String signature = null;
    if (semicolon >= 0) {
      for (String extension : text.substring(semicolon + 1).split(";", -1)) {
        if (extension.startsWith("chunk-signature=")) {
          signature = extension.substring("chunk-signature=".length());
        }
      }
    }
    if (chain != null && signature == null) {
      throw malformed("a signed aws-chunked chunk has no chunk-signature");
    }
    if (size < 0 || size > declaredLength - decoded) {
      throw malformed(
          "an aws-chunked chunk of "
              + Long.toUnsignedString(size)
              + " bytes runs past x-amz-decoded-content-length "
              + declaredLength);
    }
    if (size == 0) {
      if (chain != null) {
        chain.verifyChunk(EMPTY_SHA256, signature);
      }
      state = announcedTrailers.isEmpty() ? State.FINAL_CRLF : State.TRAILER;
      return;
    }
    chunkRemaining = size;
    chunkSignature = signature;
    state = State.DATA;
  }

  private void onData(ByteBuffer wire) {
    int n = (int) Math.min(chunkRemaining, wire.remaining());
    ByteBuffer slice = wire.slice(wire.position(), n);
    if (chunkSha256 != null) {
      chunkSha256.update(slice.duplicate());
    }
    checks.update(slice);
    decoded += n;
    chunkRemaining -= n;
    wire.position(wire.position() + n);
    sink.accept(slice);
    if (chunkRemaining == 0) {
      if (chain != null) {
        chain.verifyChunk(chunkSha256.digest(), chunkSignature);
      }
      state = State.DATA_CR;
    }
  }

  private void expect(ByteBuffer wire, char expected, State next) {
    if (wire.get() != expected) {
      throw malformed(
          "aws-chunked chunk data is not followed by CRLF (chunk longer than its size?)");
    }
    state = next;
  }

  private void onTrailerLine(String text) {
    if (text.isEmpty()) {
      endTrailers();
      state = State.DONE;
      return;
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw malformed("an aws-chunked trailer line is not name:value");
    }
    String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = text.substring(colon + 1).strip();
    if (name.equals("x-amz-trailer-signature")) {
      if (!signedTrailer || trailerSignature != null) {
        throw malformed("unexpected x-amz-trailer-signature");
      }
      trailerSignature = value;
      return;
    }
    if (trailerSignature != null) {
      throw malformed("a trailer follows x-amz-trailer-signature");
    }
    if (!announcedTrailers.contains(name)) {
      throw malformed("the trailer " + abbreviate(name) + " was not announced in x-amz-trailer");
    }
    if (trailers.size() == MAX_TRAILERS || trailers.put(name, value) != null) {
      throw malformed("repeated or too many trailers");
    }
    canonicalTrailer.append(name).append(':').append(value).append('\n');
  }

  private void endTrailers() {
    for (String name : announcedTrailers) {
      if (!trailers.containsKey(name)) {
        throw AuthException.of(
            AuthError.INVALID_REQUEST,
            "The trailer " + name + " announced in x-amz-trailer is missing.");
      }
    }
    if (signedTrailer) {
      if (trailerSignature == null) {
        throw AuthException.of(
            AuthError.SIGNATURE_DOES_NOT_MATCH, "The trailer has no x-amz-trailer-signature.");
      }
      chain.verifyTrailer(canonicalTrailer.toString(), trailerSignature);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "…";
  }

  private static AuthException malformed(String message) {
    return AuthException.of(AuthError.INVALID_ARGUMENT, message);
  }

  private void rethrow() {
    if (failure != null) {
      throw failure;
    }
  }
}
