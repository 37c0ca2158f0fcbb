package network.icn.gateway.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses small S3 request documents safely: no DTDs (so no entity expansion, internal or external),
 * no external schemas, no XInclude. Every failure is {@code MalformedXML}. Element names match by
 * local name, so documents with and without the S3 namespace both parse, as S3 accepts.
 */
final class XmlReader {
  private static final ErrorHandler STRICT_AND_SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private XmlReader() {}

  /** The document element of {@code body}; MalformedXML for anything but well-formed XML. */
  static Element parse(byte[] body) {
    try {
      Document doc = newBuilder().parse(new ByteArrayInputStream(body));
      return doc.getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
  }

  /** Parses {@code body} and requires its root element to be {@code rootName}. */
  static Element parse(byte[] body, String rootName) {
    Element root = parse(body);
    if (!rootName.equals(root.getLocalName())) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    return root;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(STRICT_AND_SILENT); // no stderr noise for client mistakes
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a required safety feature", e);
    }
  }

  /** The child elements of {@code parent}, in document order. */
  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
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

  /** The text of an element that must contain no child elements (else MalformedXML). */
  static String text(Element element) {
    if (!children(element).isEmpty()) {
      throw new S3Exception(S3Error.MALFORMED_XML);
    }
    return element.getTextContent();
  }
}
