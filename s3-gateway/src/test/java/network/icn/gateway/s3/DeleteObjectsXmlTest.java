package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import network.icn.gateway.s3.DeleteObjectsXml.ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteObjectsXmlTest {
  static DeleteObjectsXml parse(String xml) {
    return DeleteObjectsXml.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  static String objects(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("<Object><Key>k").append(i).append("</Key></Object>");
    }
    return b.toString();
  }

  @Test
  void parsesKeysVersionIdsEtagsAndQuietInOrder() {
    DeleteObjectsXml doc =
        parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Object><Key> a b </Key></Object>"
                + "<Object><Key>x&amp;y&lt;z</Key><VersionId>null</VersionId></Object>"
                + "<Object><Key>\u00e9\u6f22</Key><ETag>\"abc\"</ETag></Object>"
                + "<Object><Key>lm</Key><LastModifiedTime>2024-01-01T00:00:00Z</LastModifiedTime>"
                + "</Object>"
                + "<Quiet>true</Quiet></Delete>");
    assertTrue(doc.quiet());
    assertEquals(
        List.of(
            new ObjectIdentifier(" a b ", null, null, false),
            new ObjectIdentifier("x&y<z", "null", null, false),
            new ObjectIdentifier("\u00e9\u6f22", null, "\"abc\"", false),
            new ObjectIdentifier("lm", null, null, true)),
        doc.objects());
  }

  @Test
  void quietDefaultsToFalse() {
    DeleteObjectsXml doc = parse("<Delete><Object><Key>k</Key></Object></Delete>");
    assertFalse(doc.quiet());
    assertNull(doc.objects().getFirst().versionId());
    assertFalse(parse("<Delete><Quiet>false</Quiet>" + objects(1) + "</Delete>").quiet());
  }

  @Test
  void oneThousandKeysParseAndOneMoreIsMalformedXml() {
    assertEquals(1000, parse("<Delete>" + objects(1000) + "</Delete>").objects().size());
    S3Exception e =
        assertThrows(S3Exception.class, () -> parse("<Delete>" + objects(1001) + "</Delete>"));
    assertEquals(S3Error.MALFORMED_XML, e.error());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<Delete></Delete>",
        "<Delete><Quiet>true</Quiet></Delete>",
        "<Delete><Object></Object></Delete>",
        "<Delete><Object><VersionId>v</VersionId></Object></Delete>",
        "<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>",
        "<Delete><Object><Key>a</Key><Color>red</Color></Object></Delete>",
        "<Delete><Object><Key>a<b/></Key></Object></Delete>",
        "<Delete><Quiet>yes</Quiet><Object><Key>a</Key></Object></Delete>",
        "<Delete><Quiet>true</Quiet><Quiet>true</Quiet><Object><Key>a</Key></Object></Delete>",
        "<Delete><Extra/><Object><Key>a</Key></Object></Delete>",
        "<Remove><Object><Key>a</Key></Object></Remove>",
        "<Delete><Object><Key>a</Key></Object>",
      })
  void schemaViolationsAreMalformedXml(String xml) {
    assertEquals(S3Error.MALFORMED_XML, assertThrows(S3Exception.class, () -> parse(xml)).error());
  }
}
