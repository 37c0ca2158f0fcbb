package network.icn.gateway.metadata;

/**
 * The listing walk shared by ListObjects and ListMultipartUploads. It seeks to the first candidate,
 * emits entries in key order, and when a key has the delimiter after the prefix it emits the common
 * prefix once and seeks past every key that starts with it (to the prefix successor), so a prefix
 * with a million members costs one seek. Nothing beyond one page plus one look-ahead key is read.
 */
final class PrefixWalker {
  private static final byte[] NUL = {0};

  /** Receives the page. */
  interface Sink {
    void entry(String key, byte[] rawKey, byte[] value);

    void commonPrefix(String prefix);
  }

  /**
   * How the walk ended.
   *
   * @param truncated whether another entry follows the page
   * @param lastEntry the key or common prefix emitted last, or {@code null}
   */
  record Outcome(boolean truncated, String lastEntry) {}

  private PrefixWalker() {}

  /**
   * Walks one page.
   *
   * @param cursor a cursor on the column
   * @param range the store-key prefix of the bucket ({@code bucket \0})
   * @param prefix the listing prefix
   * @param delimiter the delimiter, {@code ""} for none
   * @param floor common prefixes {@code <=} this are not emitted (the marker), {@code ""} for none
   * @param seekFrom the first store key to consider besides the prefix, or {@code null}
   * @param max at most this many entries
   * @param keyEndsAtNul whether the object key ends at the next NUL of the store key (uploads)
   * @param sink receives entries and common prefixes
   */
  static Outcome walk(
      KvCursor cursor,
      byte[] range,
      String prefix,
      String delimiter,
      String floor,
      byte[] seekFrom,
      int max,
      boolean keyEndsAtNul,
      Sink sink) {
    byte[] fullPrefix = Keys.concat(range, Keys.utf8(prefix));
    byte[] delimiterBytes = Keys.utf8(delimiter);
    byte[] floorBytes = Keys.utf8(floor);
    byte[] start =
        seekFrom != null && Keys.compare(seekFrom, fullPrefix) > 0 ? seekFrom : fullPrefix;
    int emitted = 0;
    String last = null;
    cursor.seek(start);
    while (cursor.valid()) {
      byte[] raw = cursor.key();
      if (!Keys.startsWith(raw, fullPrefix)) {
        break;
      }
      int keyEnd = raw.length;
      if (keyEndsAtNul) {
        keyEnd = Keys.indexOf(raw, NUL, range.length, raw.length);
        if (keyEnd < 0) {
          throw new MetadataException(
              MetadataError.CORRUPT_RECORD, "upload store key without an upload id");
        }
      }
      int at =
          delimiterBytes.length == 0
              ? -1
              : Keys.indexOf(raw, delimiterBytes, fullPrefix.length, keyEnd);
      if (at >= 0) {
        int prefixEnd = at + delimiterBytes.length;
        String common = Keys.utf8(raw, range.length, prefixEnd);
        byte[] commonBytes = java.util.Arrays.copyOfRange(raw, range.length, prefixEnd);
        if (Keys.compare(commonBytes, floorBytes) > 0) {
          if (emitted == max) {
            return new Outcome(true, last);
          }
          sink.commonPrefix(common);
          emitted++;
          last = common;
        }
        byte[] past = Keys.prefixSuccessor(java.util.Arrays.copyOf(raw, prefixEnd));
        if (past == null) {
          break;
        }
        cursor.seek(past);
        continue;
      }
      if (emitted == max) {
        return new Outcome(true, last);
      }
      String key = Keys.utf8(raw, range.length, keyEnd);
      sink.entry(key, raw, cursor.value());
      emitted++;
      last = key;
      cursor.next();
    }
    return new Outcome(false, last);
  }
}
