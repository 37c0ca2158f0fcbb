package network.icn.gateway.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML builder for S3 responses: elements and escaped text only. Control
 * characters (legal in S3 keys) are written as character references, as S3 does.
 */
final class XmlWriter {
  static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens the root element in the S3 namespace. */
  static XmlWriter root(String name) {
    XmlWriter w = new XmlWriter();
    w.out.append('<').append(name).append(" xmlns=\"").append(S3_NAMESPACE).append("\">");
    w.open.push(name);
    return w;
  }

  /** Opens a root element without a namespace (the error document). */
  static XmlWriter plainRoot(String name) {
    XmlWriter w = new XmlWriter();
    w.out.append('<').append(name).append('>');
    w.open.push(name);
    return w;
  }

  XmlWriter start(String name) {
    out.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  /** Opens an element with raw (already safe) attributes, e.g. an xsi:type. */
  XmlWriter startWithAttributes(String name, String attributes) {
    out.append('<').append(name).append(' ').append(attributes).append('>');
    open.push(name);
    return this;
  }

  XmlWriter end() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** {@code <name>text</name>}; nothing when {@code text} is null. */
  XmlWriter element(String name, String text) {
    if (text != null) {
      out.append('<').append(name).append('>');
      escape(text);
      out.append("</").append(name).append('>');
    }
    return this;
  }

  XmlWriter element(String name, long value) {
    return element(name, Long.toString(value));
  }

  XmlWriter element(String name, boolean value) {
    return element(name, Boolean.toString(value));
  }

  byte[] toBytes() {
    while (!open.isEmpty()) {
      end();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n') {
            out.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
          } else if (c == '\r') {
            out.append("&#xD;");
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
