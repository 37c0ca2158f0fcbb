package network.icn.gateway.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * The DeleteObjects request document: {@code <Delete><Quiet>true</Quiet><Object><Key>k</Key>
 * <VersionId>v</VersionId><ETag>e</ETag></Object>…</Delete>}. One to {@value #MAX_KEYS} objects;
 * anything else, an unknown element, a missing {@code Key} or a {@code Quiet} other than {@code
 * true}/{@code false} is MalformedXML, as S3 answers.
 *
 * @param quiet report only failures
 * @param objects the keys to delete, in request order
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html">DeleteObjects</a>
 */
record DeleteObjectsXml(boolean quiet, List<ObjectIdentifier> objects) {
  /** S3's maximum number of keys per request. */
  static final int MAX_KEYS = 1000;

  /** The largest request body read: 1000 keys of 1024 bytes plus markup fit. */
  static final int MAX_BODY_BYTES = 2 << 20;

  DeleteObjectsXml {
    objects = List.copyOf(objects);
    if (objects.isEmpty() || objects.size() > MAX_KEYS) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
  }

  /**
   * One {@code <Object>}.
   *
   * @param key the key (may be empty; the handler reports it per key)
   * @param versionId the {@code VersionId}, or null
   * @param etag the {@code ETag} condition (delete only if it matches), or null
   * @param unsupportedCondition a {@code LastModifiedTime} or {@code Size} condition was given
   */
  record ObjectIdentifier(String key, String versionId, String etag, boolean unsupportedCondition) {
    ObjectIdentifier {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Parses and validates a DeleteObjects body (MalformedXML on any schema violation). */
  static DeleteObjectsXml parse(byte[] body) {
    Element root = XmlReader.parse(body, "Delete");
    boolean quiet = false;
    boolean sawQuiet = false;
    List<ObjectIdentifier> objects = new ArrayList<>();
    for (Element child : XmlReader.children(root)) {
      switch (child.getLocalName()) {
        case "Quiet" -> {
          if (sawQuiet) {
            throw new S3Exception(S3Error.MALFORMED_XML);
          }
          sawQuiet = true;
          quiet = parseBoolean(XmlReader.text(child));
        }
        case "Object" -> {
          if (objects.size() == MAX_KEYS) {
            throw new S3Exception(S3Error.MALFORMED_XML); // stop before building more
          }
          objects.add(object(child));
        }
        default -> throw new S3Exception(S3Error.MALFORMED_XML);
      }
    }
    return new DeleteObjectsXml(quiet, objects);
  }

  private static ObjectIdentifier object(Element object) {
    String key = null;
    String versionId = null;
    String etag = null;
    boolean other = false;
    for (Element field : XmlReader.children(object)) {
      String text = XmlReader.text(field);
      switch (field.getLocalName()) {
        case "Key" -> key = once(key, text);
        case "VersionId" -> versionId = once(versionId, text);
        case "ETag" -> etag = once(etag, text.strip());
        case "LastModifiedTime", "Size" -> other = true;
        default -> throw new S3Exception(S3Error.MALFORMED_XML);
      }
    }
    if (key == null) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    return new ObjectIdentifier(key, versionId, etag, other);
  }

  private static String once(String previous, String value) {
    if (previous != null) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    return value;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new S3Exception(S3Error.MALFORMED_XML);
    };
  }
}
