package network.icn.gateway.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.w3c.dom.Element;

/**
 * The CompleteMultipartUpload request document: {@code <CompleteMultipartUpload><Part>
 * <PartNumber>1</PartNumber><ETag>"…"</ETag><ChecksumCRC32>…</ChecksumCRC32></Part>…
 * </CompleteMultipartUpload>}. Validated here, before any part is looked up:
 *
 * <ul>
 *   <li>MalformedXML: not well-formed, another root or child element, no part, more than {@value
 *       #MAX_PARTS} parts, a missing or non-numeric {@code PartNumber}, a missing {@code ETag}, a
 *       repeated field, an empty checksum;
 *   <li>InvalidArgument: a part number outside 1..{@value #MAX_PARTS};
 *   <li>InvalidPartOrder: part numbers not strictly ascending (a repeated number included);
 *   <li>InvalidPart: an empty ETag (it can match no part).
 * </ul>
 *
 * Matching ETags and checksums against the uploaded parts (InvalidPart) is the handler's.
 *
 * @param parts the parts in request order (strictly ascending part numbers)
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html">CompleteMultipartUpload</a>
 */
record CompleteMultipartUploadXml(List<Part> parts) {
  /** S3's largest part number and part count. */
  static final int MAX_PARTS = 10_000;

  /** The largest request body read: 10 000 parts with an ETag and a SHA-256 checksum each fit. */
  static final int MAX_BODY_BYTES = 4 << 20;

  /** Element name → algorithm name as {@code Checksums} stores it. */
  private static final Map<String, String> CHECKSUM_ELEMENTS =
      Map.of(
          "ChecksumCRC32", "CRC32",
          "ChecksumCRC32C", "CRC32C",
          "ChecksumCRC64NVME", "CRC64NVME",
          "ChecksumSHA1", "SHA1",
          "ChecksumSHA256", "SHA256");

  CompleteMultipartUploadXml {
    parts = List.copyOf(parts);
    if (parts.isEmpty() || parts.size() > MAX_PARTS) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    for (int i = 1; i < parts.size(); i++) {
      if (parts.get(i).partNumber() <= parts.get(i - 1).partNumber()) {
        throw new S3Exception(S3Error.INVALID_PART_ORDER);
      }
    }
  }

  /**
   * One {@code <Part>}.
   *
   * @param partNumber 1..10 000
   * @param etag the ETag without surrounding quotes or whitespace
   * @param checksums algorithm name (e.g. {@code CRC32C}) → base64 value, as sent
   */
  record Part(int partNumber, String etag, Map<String, String> checksums) {
    Part {
      if (partNumber < 1 || partNumber > MAX_PARTS) {
        throw new S3Exception(
            S3Error.INVALID_ARGUMENT,
            "Part number must be an integer between 1 and 10000, inclusive");
      }
      Objects.requireNonNull(etag, "etag");
      if (etag.isEmpty()) {
        throw new S3Exception(S3Error.INVALID_PART);
      }
      checksums = Map.copyOf(checksums);
    }
  }

  /** Parses and validates a CompleteMultipartUpload body. */
  static CompleteMultipartUploadXml parse(byte[] body) {
    Element root = XmlReader.parse(body, "CompleteMultipartUpload");
    List<Part> parts = new ArrayList<>();
    for (Element child : XmlReader.children(root)) {
      if (!child.getLocalName().equals("Part") || parts.size() == MAX_PARTS) {
        throw new S3Exception(S3Error.MALFORMED_XML);
      }
      parts.add(part(child));
    }
    return new CompleteMultipartUploadXml(parts);
  }

  private static Part part(Element part) {
    String number = null;
    String etag = null;
    Map<String, String> checksums = new TreeMap<>();
    for (Element field : XmlReader.children(part)) {
      String name = field.getLocalName();
      String text = XmlReader.text(field).strip();
      boolean fresh =
          switch (name) {
            case "PartNumber" -> number == null;
            case "ETag" -> etag == null;
            default ->
                CHECKSUM_ELEMENTS.containsKey(name)
                    && !text.isEmpty()
                    && !checksums.containsKey(CHECKSUM_ELEMENTS.get(name));
          };
      if (!fresh) {
        throw new S3Exception(S3Error.MALFORMED_XML); // unknown, repeated or empty checksum
      }
      switch (name) {
        case "PartNumber" -> number = text;
        case "ETag" -> etag = text;
        default -> checksums.put(CHECKSUM_ELEMENTS.get(name), text);
      }
    }
    if (number == null || etag == null) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    return new Part(partNumber(number), unquote(etag), checksums);
  }

  /** Digits only (else MalformedXML); a too-large number is out of range (InvalidArgument). */
  private static int partNumber(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  /** {@code "abc"} → {@code abc}; clients send ETags quoted or bare. */
  static String unquote(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1).strip()
        : etag;
  }
}
