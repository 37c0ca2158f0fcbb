package network.icn.gateway.metadata;

import java.util.Arrays;

/**
 * Reserved slot for per-object encryption (AES-256-GCM per chunk, a later issue): the algorithm,
 * the id of the key-encryption key and the wrapped data key. Its presence is already encoded in v1
 * object records, so filling it in needs no format break.
 *
 * @param algorithm e.g. {@code AES256-GCM-CHUNKED}
 * @param keyId the id of the key that wraps the data key
 * @param wrappedKey the wrapped data key (copied in and out)
 */
public record EncryptionHeader(String algorithm, String keyId, byte[] wrappedKey) {
  public EncryptionHeader {
    Check.text(algorithm, "encryption algorithm");
    Check.text(keyId, "encryption key id");
    wrappedKey = Check.present(wrappedKey, "wrapped key").clone();
  }

  @Override
  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptionHeader that
        && algorithm.equals(that.algorithm)
        && keyId.equals(that.keyId)
        && Arrays.equals(wrappedKey, that.wrappedKey);
  }

  @Override
  public int hashCode() {
    return (algorithm.hashCode() * 31 + keyId.hashCode()) * 31 + Arrays.hashCode(wrappedKey);
  }

  @Override
  public String toString() {
    return "EncryptionHeader[" + algorithm + ", " + keyId + ", " + wrappedKey.length + " bytes]";
  }
}
