package network.icn.gateway.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * General purpose bucket naming rules.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket
 *     naming rules</a>
 */
final class BucketNames {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final List<String> PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private BucketNames() {}

  static boolean valid(String name) {
    return SHAPE.matcher(name).matches()
        && !name.contains("..")
        && !IP.matcher(name).matches()
        && PREFIXES.stream().noneMatch(name::startsWith)
        && SUFFIXES.stream().noneMatch(name::endsWith);
  }
}
