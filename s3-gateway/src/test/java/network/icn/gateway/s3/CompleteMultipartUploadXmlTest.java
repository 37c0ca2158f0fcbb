package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import network.icn.gateway.s3.CompleteMultipartUploadXml.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompleteMultipartUploadXmlTest {
  static CompleteMultipartUploadXml parse(String xml) {
    return CompleteMultipartUploadXml.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  static S3Error failure(String xml) {
    return assertThrows(S3Exception.class, () -> parse(xml)).error();
  }

  static String doc(String parts) {
    return "<CompleteMultipartUpload>" + parts + "</CompleteMultipartUpload>";
  }

  static String part(String number, String etag) {
    return "<Part><PartNumber>" + number + "</PartNumber><ETag>" + etag + "</ETag></Part>";
  }

  @Test
  void parsesPartsEtagsAndChecksums() {
    CompleteMultipartUploadXml xml =
        parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Part><ETag>\"a54357aff0632cce46d942af68356b38\"</ETag>"
                + "<ChecksumCRC32>AAAAAA==</ChecksumCRC32><PartNumber>1</PartNumber></Part>"
                + "<Part><PartNumber> 0002 </PartNumber><ETag>&quot;0c78aef83f66abc1&quot;</ETag>"
                + "<ChecksumSHA256>n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=</ChecksumSHA256>"
                + "</Part>"
                + "<Part><PartNumber>10000</PartNumber><ETag>bare</ETag></Part>"
                + "</CompleteMultipartUpload>");
    assertEquals(
        List.of(
            new Part(1, "a54357aff0632cce46d942af68356b38", Map.of("CRC32", "AAAAAA==")),
            new Part(
                2,
                "0c78aef83f66abc1",
                Map.of("SHA256", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")),
            new Part(10_000, "bare", Map.of())),
        xml.parts());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<Part><PartNumber>one</PartNumber><ETag>e</ETag></Part>",
        "<Part><PartNumber>-1</PartNumber><ETag>e</ETag></Part>",
        "<Part><PartNumber>1.0</PartNumber><ETag>e</ETag></Part>",
        "<Part><PartNumber></PartNumber><ETag>e</ETag></Part>",
        "<Part><ETag>e</ETag></Part>",
        "<Part><PartNumber>1</PartNumber></Part>",
        "<Part><PartNumber>1</PartNumber><PartNumber>1</PartNumber><ETag>e</ETag></Part>",
        "<Part><PartNumber>1</PartNumber><ETag>e</ETag><ETag>f</ETag></Part>",
        "<Part><PartNumber>1</PartNumber><ETag>e</ETag><Size>5</Size></Part>",
        "<Part><PartNumber>1</PartNumber><ETag>e</ETag><ChecksumCRC32></ChecksumCRC32></Part>",
        "<Part><PartNumber>1</PartNumber><ETag>e</ETag><ChecksumMD5>x</ChecksumMD5></Part>",
        "<Other/>",
      })
  void schemaViolationsAreMalformedXml(String parts) {
    assertEquals(S3Error.MALFORMED_XML, failure(doc(parts)));
  }

  @Test
  void wrongRootOrBrokenXmlIsMalformedXml() {
    assertEquals(S3Error.MALFORMED_XML, failure("<Complete>" + part("1", "e") + "</Complete>"));
    assertEquals(S3Error.MALFORMED_XML, failure("<CompleteMultipartUpload>" + part("1", "e")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "10001", "99999999999999999999"})
  void partNumbersOutsideOneTo10000AreInvalidArgument(String number) {
    assertEquals(S3Error.INVALID_ARGUMENT, failure(doc(part(number, "e"))));
  }

  @Test
  void descendingOrRepeatedPartNumbersAreInvalidPartOrder() {
    assertEquals(S3Error.INVALID_PART_ORDER, failure(doc(part("2", "a") + part("1", "b"))));
    assertEquals(S3Error.INVALID_PART_ORDER, failure(doc(part("1", "a") + part("1", "a"))));
  }

  @Test
  void emptyEtagIsInvalidPart() {
    assertEquals(S3Error.INVALID_PART, failure(doc(part("1", ""))));
    assertEquals(S3Error.INVALID_PART, failure(doc(part("1", "\"\""))));
  }

  @Test
  void tenThousandPartsParseAndMoreAreMalformed() {
    StringBuilder parts = new StringBuilder();
    for (int i = 1; i <= 10_000; i++) {
      parts.append(part(Integer.toString(i), "\"etag" + i + "\""));
    }
    assertEquals(10_000, parse(doc(parts.toString())).parts().size());
    assertEquals(S3Error.MALFORMED_XML, failure(doc(parts + part("10001", "x"))));
  }
}
