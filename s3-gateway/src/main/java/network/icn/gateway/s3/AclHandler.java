package network.icn.gateway.s3;

import java.util.Objects;
import network.icn.gateway.metadata.MetadataStore;
import network.icn.gateway.object.ObjectStore;

/**
 * GetBucketAcl and GetObjectAcl: ACLs are not stored; the owner always has FULL_CONTROL, which is
 * what a bucket with ACLs disabled (S3's default since 2023) reports.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html">GetBucketAcl</a>
 */
final class AclHandler {
  private final MetadataStore metadata;
  private final ObjectStore objects;
  private final BucketAccess access;

  AclHandler(MetadataStore metadata, ObjectStore objects, BucketAccess access) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.access = Objects.requireNonNull(access, "access");
  }

  void getBucketAcl(S3Request request, String bucket) {
    access.owned(bucket, request.tenantId());
    Responses.xml(request.exchange(), 200, policy(request.tenantId()));
  }

  void getObjectAcl(S3Request request, String bucket, String key) {
    access.owned(bucket, request.tenantId());
    objects.head(bucket, key);
    Responses.xml(request.exchange(), 200, policy(request.tenantId()));
  }

  private byte[] policy(String tenantId) {
    XmlWriter xml = XmlWriter.root("AccessControlPolicy");
    BucketHandler.owner(xml, metadata, tenantId);
    xml.start("AccessControlList")
        .startWithAttributes("Grant", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .startWithAttributes("Grantee", "xsi:type=\"CanonicalUser\"")
        .element("ID", tenantId)
        .element(
            "DisplayName",
            metadata
                .getTenant(tenantId)
                .map(network.icn.gateway.metadata.TenantRecord::displayName)
                .orElse(tenantId))
        .end()
        .element("Permission", "FULL_CONTROL")
        .end()
        .end();
    return xml.toBytes();
  }
}
