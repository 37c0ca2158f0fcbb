package network.icn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CopySourceTest {
  @Test
  void parsesEncodedKeysWithOrWithoutLeadingSlash() {
    assertEquals(
        new CopyHandler.SourceRef("b", "dir/a b+c?d"),
        CopyHandler.parseSource("b/dir/a%20b%2Bc%3Fd"));
    assertEquals(new CopyHandler.SourceRef("b", "k"), CopyHandler.parseSource("/b/k"));
    assertEquals(new CopyHandler.SourceRef("b", "ü"), CopyHandler.parseSource("b/%C3%BC"));
  }

  @Test
  void nullVersionIsTheCurrentObjectAndOthersDoNotExist() {
    assertEquals(
        new CopyHandler.SourceRef("b", "k"), CopyHandler.parseSource("b/k?versionId=null"));
    S3Exception e =
        assertThrows(S3Exception.class, () -> CopyHandler.parseSource("b/k?versionId=abc"));
    assertEquals(S3Error.NO_SUCH_VERSION, e.error());
  }

  @Test
  void sourceWithoutBucketOrKeyIsInvalidArgument() {
    for (String bad : new String[] {"b", "b/", "/k", "", "/"}) {
      S3Exception e = assertThrows(S3Exception.class, () -> CopyHandler.parseSource(bad), bad);
      assertEquals(S3Error.INVALID_ARGUMENT, e.error());
    }
  }
}
