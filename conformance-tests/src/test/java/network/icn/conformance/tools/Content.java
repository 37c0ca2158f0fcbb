package network.icn.conformance.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Seeded test content and the digests the tools' results are compared by. */
final class Content {
  private Content() {}

  /** {@code size} seeded random bytes. */
  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code size} seeded random bytes to {@code file} (parents created) and returns it. */
  static Path file(Path file, long size, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(seed);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        random.nextBytes(buf);
        int n = (int) Math.min(buf.length, left);
        out.write(buf, 0, n);
        left -= n;
      }
    }
    return file;
  }

  static String sha256(byte[] data) {
    return HexFormat.of().formatHex(digest("SHA-256").digest(data));
  }

  static String sha256(Path file) throws IOException {
    return hex(file, "SHA-256");
  }

  static String md5(Path file) throws IOException {
    return hex(file, "MD5");
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest md = digest("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The ETag S3 gives a multipart upload of {@code file} cut into {@code partSize} parts: the MD5
   * of the parts' binary MD5s, a dash and the part count.
   */
  static String multipartEtag(Path file, long partSize) throws IOException {
    MessageDigest ofParts = digest("MD5");
    int parts = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] part = new byte[Math.toIntExact(partSize)];
      for (int n = in.readNBytes(part, 0, part.length);
          n > 0;
          n = in.readNBytes(part, 0, part.length)) {
        MessageDigest md = digest("MD5");
        md.update(part, 0, n);
        ofParts.update(md.digest());
        parts++;
      }
    }
    return HexFormat.of().formatHex(ofParts.digest()) + "-" + parts;
  }

  private static String hex(Path file, String algorithm) throws IOException {
    MessageDigest md = digest(algorithm);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative path ('/'-separated) → SHA-256 of every regular file under {@code root}. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sums.put(relative(root, f), sha256(f));
      }
    }
    return sums;
  }

  /** {@code file} relative to {@code root}, '/'-separated as in an object key. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(File.separatorChar, '/');
  }
}
