package network.icn.gateway.metadata;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An access key as stored: the secret only ever sealed (see {@link SecretSealer}).
 *
 * @param accessKeyId the public id (also the AAD of the sealed secret)
 * @param tenantId the owning tenant
 * @param sealedSecret the secret sealed with the master key (copied in and out)
 * @param created creation time
 * @param status active or revoked
 */
public record AccessKeyRecord(
    String accessKeyId,
    String tenantId,
    byte[] sealedSecret,
    Instant created,
    AccessKeyStatus status) {
  public AccessKeyRecord {
    Check.keyPart(accessKeyId, "access key id");
    Check.keyPart(tenantId, "tenant id");
    sealedSecret = Check.present(sealedSecret, "sealed secret").clone();
    Check.present(created, "created");
    Check.present(status, "access key status");
  }

  @Override
  public byte[] sealedSecret() {
    return sealedSecret.clone();
  }

  public AccessKeyRecord withStatus(AccessKeyStatus newStatus) {
    return new AccessKeyRecord(accessKeyId, tenantId, sealedSecret, created, newStatus);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessKeyRecord that
        && accessKeyId.equals(that.accessKeyId)
        && tenantId.equals(that.tenantId)
        && Arrays.equals(sealedSecret, that.sealedSecret)
        && created.equals(that.created)
        && status == that.status;
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, tenantId, Arrays.hashCode(sealedSecret), created, status);
  }

  @Override
  public String toString() {
    return "AccessKeyRecord[" + accessKeyId + ", tenant=" + tenantId + ", " + status + "]";
  }
}
