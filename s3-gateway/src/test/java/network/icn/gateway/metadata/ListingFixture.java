package network.icn.gateway.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The 10 000-key listing data set and a naive listing oracle computed from a sorted list. */
final class ListingFixture {
  /** S3 order: UTF-8 bytes, unsigned. */
  static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(Keys.utf8(a), Keys.utf8(b));

  static final String LONG_STEM = "long/" + "z".repeat(1024 - 5 - 4);

  private ListingFixture() {}

  /** 10 000 keys: nested prefixes, several delimiters, unicode, specials, 1024-byte keys. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      for (int s = 0; s < 4; s++) {
        for (int f = 0; f < 100; f++) {
          keys.add("dir-%d/sub-%d/file-%04d".formatted(d, s, f));
        }
      }
    }
    for (int i = 0; i < 2000; i++) {
      keys.add("flat-%04d|x|%d".formatted(i, i % 7));
    }
    for (int i = 0; i < 500; i++) {
      keys.add("é/日本/%04d-😀".formatted(i));
      keys.add("日本語/ファイル%04d".formatted(i));
      keys.add("😀/%03d/日本/end".formatted(i % 50) + i);
    }
    for (int i = 0; i < 500; i++) {
      keys.add("sp ace/%04d+plus=eq%%25pct".formatted(i));
      keys.add("ctl\u0001/%04d\u0001tail".formatted(i));
    }
    for (int i = 0; i < 1000; i++) {
      keys.add("m::n%d::%04d::leaf".formatted(i % 10, i));
    }
    for (int i = 0; i < 500; i++) {
      keys.add(LONG_STEM + "%04d".formatted(i));
    }
    return List.copyOf(keys);
  }

  /** Every entry (key or common prefix) of the listing strictly after {@code marker}, in order. */
  static List<String> expected(List<String> keys, String prefix, String delimiter, String marker) {
    TreeSet<String> entries = new TreeSet<>(UTF8_ORDER);
    for (String key : keys) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      int at = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
      entries.add(at >= 0 ? key.substring(0, at + delimiter.length()) : key);
    }
    return entries.stream().filter(e -> UTF8_ORDER.compare(e, marker) > 0).toList();
  }

  /** A page's keys and common prefixes merged into one sequence in S3 order. */
  static List<String> entries(ObjectListing page) {
    List<String> out = new ArrayList<>(page.commonPrefixes());
    page.objects().forEach(o -> out.add(o.key()));
    out.sort(UTF8_ORDER);
    return out;
  }
}
