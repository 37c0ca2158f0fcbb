package network.icn.gateway.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Parses small S3 request documents safely (no DTDs, no external entities). */
final class XmlReader {
  private XmlReader() {}

  static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
      return doc.getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
  }

  /** The text of the first child element named {@code localName}, or null. */
  static String childText(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
