package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlReaderTest {
  @TempDir Path dir;

  static S3Error failure(String xml) {
    return assertThrows(
            S3Exception.class, () -> XmlReader.parse(xml.getBytes(StandardCharsets.UTF_8)))
        .error();
  }

  @Test
  void externalEntitiesAreRefusedWithoutReadingTheFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><Delete><Object><Key>&x;</Key></Object></Delete>";
    assertEquals(S3Error.MALFORMED_XML, failure(xxe));
  }

  @Test
  void internalEntityExpansionIsRefused() {
    String billionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;&b;&b;</d>";
    assertEquals(S3Error.MALFORMED_XML, failure(billionLaughs));
  }

  @Test
  void externalDtdIsNotFetched() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://127.0.0.1:1/evil.dtd\"><d/>";
    assertEquals(S3Error.MALFORMED_XML, failure(xml));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not xml", "<a>", "<a></b>", "<a/><b/>", "<a>&undefined;</a>"})
  void notWellFormedIsMalformedXml(String xml) {
    assertEquals(S3Error.MALFORMED_XML, failure(xml));
  }

  @Test
  void elementsMatchByLocalNameWithOrWithoutTheS3Namespace() {
    for (String xml :
        new String[] {
          "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet></Delete>",
          "<Delete><Quiet>true</Quiet></Delete>"
        }) {
      var root = XmlReader.parse(xml.getBytes(StandardCharsets.UTF_8), "Delete");
      assertEquals("true", XmlReader.childText(root, "Quiet"));
    }
    assertThrows(
        S3Exception.class,
        () -> XmlReader.parse("<Other/>".getBytes(StandardCharsets.UTF_8), "Delete"));
  }

  @Test
  void textOfAnElementWithChildrenIsMalformed() {
    var root = XmlReader.parse("<a><b><c/></b></a>".getBytes(StandardCharsets.UTF_8));
    S3Exception e =
        assertThrows(S3Exception.class, () -> XmlReader.text(XmlReader.children(root).getFirst()));
    assertEquals(S3Error.MALFORMED_XML, e.error());
  }
}
