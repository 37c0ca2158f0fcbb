package network.icn.gateway.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RecordValidationTest {

  private static void assertInvalid(Executable action) {
    MetadataException e = assertThrows(MetadataException.class, action);
    assertEquals(MetadataError.INVALID_RECORD, e.error(), e.getMessage());
  }

  @Test
  void objectKeysMustBeValidUtf8WithoutNulAndAtMost1024Bytes() {
    Fixtures.inlineObject("photos", "x".repeat(1024), "\"e\"");
    Fixtures.inlineObject("photos", "é".repeat(512), "\"e\"");
    assertInvalid(() -> Fixtures.inlineObject("photos", "x".repeat(1025), "\"e\""));
    assertInvalid(() -> Fixtures.inlineObject("photos", "é".repeat(512) + "x", "\"e\""));
    assertInvalid(() -> Fixtures.inlineObject("photos", "a\0b", "\"e\""));
    assertInvalid(() -> Fixtures.inlineObject("photos", "lone \uD83D surrogate", "\"e\""));
    assertInvalid(() -> Fixtures.inlineObject("photos", "", "\"e\""));
  }

  @Test
  void bucketNamesFollowS3Rules() {
    Fixtures.bucket("my.bucket-01", "t");
    for (String bad :
        new String[] {"ab", "Upper", "-lead", "trail-", "a..b", "x".repeat(64), "under_score"}) {
      assertInvalid(() -> Fixtures.bucket(bad, "t"));
    }
  }

  @Test
  void objectSizeMustMatchItsLayout() {
    ObjectRecord good = Fixtures.inlineObject("photos", "k", "\"e\"");
    assertInvalid(
        () ->
            new ObjectRecord(
                "photos",
                "k",
                good.size() + 1,
                "\"e\"",
                Fixtures.T0,
                "STANDARD",
                Checksums.NONE,
                ContentHeaders.NONE,
                Map.of(),
                null,
                good.layout()));
  }

  @Test
  void partBoundariesMustAddUpToTheLayoutAndAscend() {
    SegmentRecord segment = Fixtures.segment("s", 100);
    PartBoundary one = new PartBoundary(1, 60, "\"a\"", Checksums.NONE);
    PartBoundary two = new PartBoundary(2, 40, "\"b\"", Checksums.NONE);
    new ObjectLayout(Fixtures.RS_4_2, null, List.of(segment), List.of(one, two));
    assertInvalid(() -> new ObjectLayout(Fixtures.RS_4_2, null, List.of(segment), List.of(one)));
    assertInvalid(
        () -> new ObjectLayout(Fixtures.RS_4_2, null, List.of(segment), List.of(two, one)));
  }

  @Test
  void shardsNeedA32ByteRootAndUniqueAscendingIndexesWithinTheScheme() {
    assertInvalid(() -> new ShardRecord(0, "n", "s", 1, new byte[31], new int[0]));
    ShardRecord a = new ShardRecord(1, "n", "s1", 1, Fixtures.root(1), new int[1]);
    ShardRecord b = new ShardRecord(0, "n", "s0", 1, Fixtures.root(0), new int[1]);
    assertInvalid(() -> new SegmentRecord("seg", 1, List.of(a, b)));
    ShardRecord outOfScheme = new ShardRecord(6, "n", "s6", 1, Fixtures.root(6), new int[1]);
    SegmentRecord segment = new SegmentRecord("seg", 1, List.of(outOfScheme));
    assertInvalid(() -> ObjectLayout.segmented(Fixtures.RS_4_2, List.of(segment)));
  }

  @Test
  void recordsCopyTheirArraysInAndOut() {
    byte[] root = Fixtures.root(3);
    ShardRecord shard = new ShardRecord(0, "n", "s", 1, root, new int[] {7});
    root[0] ^= 1;
    shard.merkleRoot()[1] ^= 1;
    shard.chunkCrc32c()[0] = 0;
    assertEquals(new ShardRecord(0, "n", "s", 1, Fixtures.root(3), new int[] {7}), shard);
  }

  @Test
  void listingQueriesRejectNegativeSizesAndUploadIdMarkersWithoutKeyMarkers() {
    assertInvalid(() -> new ListObjectsQuery("", "", "", -1));
    assertInvalid(() -> new ListUploadsQuery("", "", "", "u-1", 10));
    assertInvalid(() -> new ListObjectsQuery("a\0", "", "", 10));
  }
}
