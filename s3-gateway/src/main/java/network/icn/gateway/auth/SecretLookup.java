package network.icn.gateway.auth;

import java.util.Optional;

/**
 * Resolves an access key id to its secret; wired to {@code AccessKeyring.credentials} in the
 * gateway, a map in tests. Empty means unknown, revoked or inactive.
 */
@FunctionalInterface
public interface SecretLookup {
  Optional<String> secret(String accessKeyId);
}
