package network.icn.gateway.auth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The {@code <date>/<region>/<service>/aws4_request} scope a signature is valid for.
 *
 * @param date the signing date (UTC)
 * @param region e.g. {@code us-east-1}
 * @param service {@code s3} for this gateway
 */
public record CredentialScope(LocalDate date, String region, String service) {
  public static final String TERMINATOR = "aws4_request";

  public CredentialScope {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
    if (region.isEmpty() || service.isEmpty()) {
      throw new IllegalArgumentException("region and service must not be empty");
    }
  }

  /** {@code yyyyMMdd}, the first key of the signing-key derivation. */
  public String dateStamp() {
    return date.format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  /** The scope line of the string to sign. */
  @Override
  public String toString() {
    return dateStamp() + "/" + region + "/" + service + "/" + TERMINATOR;
  }
}
